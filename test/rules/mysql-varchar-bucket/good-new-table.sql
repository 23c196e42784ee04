-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE labels (id int NOT NULL PRIMARY KEY, name varchar(50) CHARACTER SET utf8mb4) ENGINE=InnoDB;
ALTER TABLE labels MODIFY name varchar(70) CHARACTER SET utf8mb4;
