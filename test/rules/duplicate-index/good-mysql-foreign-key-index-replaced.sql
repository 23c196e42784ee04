-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE users (id INT UNSIGNED NOT NULL PRIMARY KEY);
CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, user_id INT UNSIGNED NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
-- InnoDB drops the index it built for fk_orders_user once this one serves the key.
ALTER TABLE orders ADD INDEX orders_user (user_id);
-- A stored procedure the model cannot follow may drop the old index (authelia's PROC_DROP_INDEX).
CREATE TABLE devices (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, serial_no VARCHAR(64) NOT NULL, UNIQUE KEY serial_no (serial_no));
CALL PROC_DROP_INDEX('devices', 'serial_no');
CREATE UNIQUE INDEX devices_serial_no_key ON devices (serial_no);
