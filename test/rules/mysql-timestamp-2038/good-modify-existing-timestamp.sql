-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
-- The column already was TIMESTAMP: the migration that made it one is where the finding belongs.
ALTER TABLE events MODIFY starts_at TIMESTAMP NOT NULL;
