-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier-mysql.sql
SET foreign_key_checks = 0;
TRUNCATE TABLE accounts;
