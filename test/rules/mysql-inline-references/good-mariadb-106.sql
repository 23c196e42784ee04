-- sqlsight-test: dialect=mariadb version=10.6
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT REFERENCES users (id));
ALTER TABLE sessions ADD COLUMN device_id INT REFERENCES devices (id);
