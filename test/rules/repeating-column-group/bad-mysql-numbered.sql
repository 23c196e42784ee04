-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE customers (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, phone1 VARCHAR(32), phone2 VARCHAR(32), phone3 VARCHAR(32)) ENGINE=InnoDB;
