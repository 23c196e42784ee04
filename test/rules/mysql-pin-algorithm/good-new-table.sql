-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE payments (id int NOT NULL PRIMARY KEY, amount int) ENGINE=InnoDB;
ALTER TABLE payments ADD COLUMN note varchar(200);
