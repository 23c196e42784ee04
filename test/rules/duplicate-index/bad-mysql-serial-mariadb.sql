-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE venues (id SERIAL, name VARCHAR(100) NOT NULL, PRIMARY KEY (id));
