-- sqlsight-test: version=13
-- DETACH PARTITION CONCURRENTLY does not exist before PostgreSQL 14.
ALTER TABLE measurements DETACH PARTITION measurements_2020;
