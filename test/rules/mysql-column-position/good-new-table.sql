-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE coupons (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
ALTER TABLE coupons ADD COLUMN code varchar(20) FIRST;
