-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier-mysql.sql
ALTER TABLE users DROP COLUMN legacy_token;
