-- sqlsight-test: dialect=mariadb version=10.11 earlier=mysql-earlier.sql
CREATE TABLE aliases (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_code VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, FOREIGN KEY (account_code) REFERENCES accounts (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE tags (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_code VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, FOREIGN KEY (account_code) REFERENCES accounts (code)) ENGINE=InnoDB DEFAULT CHARSET=latin1;
