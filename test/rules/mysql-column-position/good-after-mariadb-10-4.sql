-- sqlsight-test: dialect=mariadb version=10.4 earlier=earlier.sql
ALTER TABLE orders ADD COLUMN coupon_code varchar(20) FIRST, ALGORITHM=INSTANT;
