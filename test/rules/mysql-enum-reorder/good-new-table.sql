-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE tickets (id int NOT NULL PRIMARY KEY, state enum('open', 'closed')) ENGINE=InnoDB;
ALTER TABLE tickets MODIFY state enum('closed', 'open');
