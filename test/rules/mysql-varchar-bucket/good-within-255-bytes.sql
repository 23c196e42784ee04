-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE items MODIFY name varchar(63) CHARACTER SET utf8mb4;
ALTER TABLE items MODIFY sku varchar(255) CHARACTER SET latin1;
