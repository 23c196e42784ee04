-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE refunds (id int NOT NULL PRIMARY KEY, placed_at datetime) ENGINE=InnoDB;
ALTER TABLE refunds ADD COLUMN reason varchar(200), ADD INDEX refunds_placed_at (placed_at);
