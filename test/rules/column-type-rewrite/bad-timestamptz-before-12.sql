-- sqlsight-test: version=11
SET TIME ZONE 'UTC';
ALTER TABLE events ADD COLUMN happened_at timestamp;
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;
