-- sqlsight-test: dialect=mysql version=9.0
ALTER TABLE orders ADD COLUMN coupon_id INT NULL REFERENCES coupons (id);
