-- sqlsight-test: dialect=mariadb version=10.4
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT REFERENCES users (id));
