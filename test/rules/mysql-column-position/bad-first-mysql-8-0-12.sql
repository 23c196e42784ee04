-- sqlsight-test: dialect=mysql version=8.0.12 earlier=earlier.sql
ALTER TABLE orders ADD COLUMN batch int FIRST;
