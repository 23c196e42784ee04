-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE users (id INT UNSIGNED NOT NULL PRIMARY KEY);
CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, user_id INT UNSIGNED NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
-- InnoDB drops the index it built for fk_orders_user once this one serves the key.
ALTER TABLE orders ADD INDEX orders_user (user_id);
