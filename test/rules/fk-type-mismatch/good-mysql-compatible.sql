-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
-- Display widths, a longer string, CHAR against VARCHAR in one character set: MySQL accepts them, and every key fits.
CREATE TABLE ledgers (id BIGINT(20) NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id BIGINT(11) NOT NULL, account_code VARCHAR(100) NOT NULL, other_code CHAR(64) NOT NULL,
  FOREIGN KEY (account_id) REFERENCES accounts (id), FOREIGN KEY (account_code) REFERENCES accounts (code), FOREIGN KEY (other_code) REFERENCES accounts (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- MyISAM parses foreign keys and ignores them.
CREATE TABLE archive (id BIGINT NOT NULL PRIMARY KEY, account_id INT NOT NULL, FOREIGN KEY (account_id) REFERENCES accounts (id)) ENGINE=MyISAM;
