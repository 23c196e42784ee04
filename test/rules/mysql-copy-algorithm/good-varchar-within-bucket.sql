-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items MODIFY name varchar(60) CHARACTER SET utf8mb4;
