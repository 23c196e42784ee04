-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier-mysql.sql
SET foreign_key_checks = 0;
DROP TABLE IF EXISTS accounts, sessions;
SET foreign_key_checks = 1;
