-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
-- MySQL counts only the maximum: 100 bytes to 300 crosses 255.
ALTER TABLE items MODIFY code varchar(300) CHARACTER SET latin1;
