-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE items CHANGE title title varchar(90) CHARACTER SET utf8mb3;
