-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE orders ADD COLUMN coupon_code varchar(20), ALGORITHM=INSTANT;
ALTER TABLE orders ADD INDEX orders_placed_at (placed_at);
