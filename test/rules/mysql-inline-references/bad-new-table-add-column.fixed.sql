-- sqlsight-test: dialect=mariadb version=10.4
CREATE TABLE coupons (id INT PRIMARY KEY);
CREATE TABLE orders (id INT PRIMARY KEY);
ALTER TABLE orders ADD COLUMN coupon_id INT, ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
