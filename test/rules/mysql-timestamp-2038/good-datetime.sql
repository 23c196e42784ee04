-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE events (id INT PRIMARY KEY, starts_at DATETIME NOT NULL, day DATE, at_time TIME);
ALTER TABLE events ADD COLUMN ends_at DATETIME(6) NULL;
