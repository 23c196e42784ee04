-- sqlsight-test: earlier=earlier-group.sql
-- The group was reported with the migration that created it; this one adds an unrelated column.
ALTER TABLE vendors ADD COLUMN website text;
