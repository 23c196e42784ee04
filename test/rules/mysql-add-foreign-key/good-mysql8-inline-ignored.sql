-- sqlsight-test: dialect=mysql version=8.0.28
-- MySQL 8.0 ignores an inline REFERENCES: no foreign key is added (mysql-inline-references reports it).
ALTER TABLE orders ADD COLUMN coupon_id INT NULL REFERENCES coupons (id);
