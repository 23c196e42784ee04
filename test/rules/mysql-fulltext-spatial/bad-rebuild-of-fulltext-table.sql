-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- A table with a FULLTEXT index cannot add a column instantly, and its rebuild blocks writes.
ALTER TABLE searchable ADD COLUMN language varchar(10);
