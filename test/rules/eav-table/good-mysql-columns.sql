-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE product_details (product_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, color VARCHAR(32), weight_grams INT, extra JSON NOT NULL);
CREATE TABLE sensor_readings (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, sensor_id BIGINT UNSIGNED NOT NULL, name VARCHAR(64) NOT NULL, value DOUBLE NOT NULL, measured_at DATETIME(3) NOT NULL);
