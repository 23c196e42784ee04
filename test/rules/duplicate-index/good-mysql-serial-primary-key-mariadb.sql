-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE venues (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL);
