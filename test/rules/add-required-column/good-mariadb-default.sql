-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE users ADD COLUMN signed_up_on date NOT NULL DEFAULT '2024-01-01';
ALTER TABLE users ADD COLUMN total int AS (a + b) PERSISTENT;
