-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier-mysql.sql
DROP TABLE accounts;
