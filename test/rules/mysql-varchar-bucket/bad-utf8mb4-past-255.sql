-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- 50 characters of utf8mb4 are 200 bytes, 70 are 280.
ALTER TABLE items MODIFY name varchar(70) CHARACTER SET utf8mb4;
