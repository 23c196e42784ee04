-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- Only a copy can change the type: mysql-copy-algorithm reports it, there is nothing to pin.
ALTER TABLE items MODIFY price bigint;
