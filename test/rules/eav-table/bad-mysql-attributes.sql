-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE product_attributes (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, product_id BIGINT UNSIGNED NOT NULL, attribute VARCHAR(64) NOT NULL, value LONGTEXT, created_at DATETIME NOT NULL);
