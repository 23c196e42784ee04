-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items MODIFY sku varchar(300) CHARACTER SET latin1;
