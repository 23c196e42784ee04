-- sqlsight-test: dialect=mysql version=8.0.28
SET foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
SET foreign_key_checks = 1;
ALTER TABLE orders ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id);
