-- sqlsight-test: dialect=mysql version=8.0.28 expect-after-fix=mysql-add-foreign-key,mysql-copy-algorithm
ALTER TABLE orders ADD (coupon_id BIGINT NULL, note TEXT NULL), ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
