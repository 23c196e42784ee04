-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id BIGINT NOT NULL) ENGINE=InnoDB;
ALTER TABLE invoices ADD CONSTRAINT fk_invoices_account FOREIGN KEY (account_id) REFERENCES accounts (id);
