-- sqlsight-test: dialect=mysql version=8.0.29 earlier=earlier.sql
-- From 8.0.29 the same statement is instant.
ALTER TABLE items ADD COLUMN color varchar(20) AFTER name;
