-- sqlsight-test: dialect=mysql version=8.0.28 expect-after-fix=mysql-add-foreign-key,mysql-copy-algorithm
ALTER TABLE orders ADD COLUMN coupon_id BIGINT NULL REFERENCES coupons (id) AFTER total, ADD COLUMN note TEXT NULL;
