-- sqlsight-test: earlier=earlier.sql
SET lock_timeout = '5s';
ALTER TABLE prices ALTER COLUMN amount TYPE bigint;
