-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE invoices (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, total DECIMAL(12,2) NOT NULL, amount_cents BIGINT NOT NULL, weight DOUBLE, latitude FLOAT);
