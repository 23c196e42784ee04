-- sqlsight-test: dialect=mariadb version=11.4
CREATE TABLE events (id INT PRIMARY KEY, starts_at TIMESTAMP NOT NULL);
