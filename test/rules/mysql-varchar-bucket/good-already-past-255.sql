-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items MODIFY notes varchar(2000) CHARACTER SET utf8mb4;
