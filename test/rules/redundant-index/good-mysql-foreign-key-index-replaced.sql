-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE users (id INT UNSIGNED NOT NULL PRIMARY KEY);
CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, user_id INT UNSIGNED NOT NULL, placed DATE NOT NULL, FOREIGN KEY (user_id) REFERENCES users (id));
-- InnoDB drops the index it built for the foreign key once this one serves the key.
ALTER TABLE orders ADD INDEX orders_user_placed (user_id, placed);
