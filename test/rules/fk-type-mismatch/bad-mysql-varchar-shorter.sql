-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
CREATE TABLE notes (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_code varchar(32) NOT NULL, FOREIGN KEY (account_code) REFERENCES accounts (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
