-- sqlsight-test: dialect=mariadb version=10.4
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT, FOREIGN KEY (user_id) REFERENCES users (id));
