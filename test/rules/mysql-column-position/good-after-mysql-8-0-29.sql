-- sqlsight-test: dialect=mysql version=8.0.29 earlier=earlier.sql
ALTER TABLE orders ADD COLUMN coupon_code varchar(20) AFTER total_cents, ALGORITHM=INSTANT;
