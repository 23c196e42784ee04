-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE invoices (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, total DOUBLE NOT NULL, unit_price FLOAT(10,2), tax REAL);
ALTER TABLE invoices ADD COLUMN discount_amount DOUBLE PRECISION;
