-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE orders ADD COLUMN coupon_code varchar(20) AFTER total_cents;
