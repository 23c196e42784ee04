-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE;
ALTER TABLE orders ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id), LOCK=NONE;
