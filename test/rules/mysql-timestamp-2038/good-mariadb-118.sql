-- sqlsight-test: dialect=mariadb version=11.8
-- MariaDB 11.5+ stores TIMESTAMP up to 2106-02-07 on 64-bit platforms.
CREATE TABLE events (id INT PRIMARY KEY, starts_at TIMESTAMP NOT NULL);
ALTER TABLE events ADD COLUMN ends_at TIMESTAMP NULL;
