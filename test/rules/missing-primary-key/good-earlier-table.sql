-- sqlsight-test: earlier=earlier-tables.sql
-- The table came from an earlier migration (reported there); adding a column does not report it again.
ALTER TABLE audit_events ADD COLUMN actor text;
