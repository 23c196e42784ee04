-- sqlsight-test: dialect=mysql version=9.0
-- MySQL 9.0 creates a foreign key from an inline REFERENCES.
CREATE TABLE sessions (id INT PRIMARY KEY, user_id INT REFERENCES users (id));
