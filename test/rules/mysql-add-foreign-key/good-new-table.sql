-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
