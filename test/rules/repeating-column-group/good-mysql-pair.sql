-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE addresses (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, address_line1 VARCHAR(200), address_line2 VARCHAR(200)) ENGINE=InnoDB;
