-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT, FOREIGN KEY (user_id) REFERENCES users (id));
ALTER TABLE sessions ADD COLUMN device_id INT, ADD FOREIGN KEY (device_id) REFERENCES devices (id);
