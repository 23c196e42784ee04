-- sqlsight-test: dialect=mariadb version=10.11
-- MariaDB 10.5+ creates a foreign key from an inline REFERENCES in ADD COLUMN.
ALTER TABLE orders ADD COLUMN coupon_id INT NULL REFERENCES coupons (id);
