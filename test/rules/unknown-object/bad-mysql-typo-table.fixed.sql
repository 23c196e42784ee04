-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE customers ADD COLUMN nickname VARCHAR(100);
