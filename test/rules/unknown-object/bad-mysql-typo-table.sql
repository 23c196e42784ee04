-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE customer ADD COLUMN nickname VARCHAR(100);
