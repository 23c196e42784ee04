-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE users ADD COLUMN signed_up_on date NOT NULL, ADD COLUMN last_seen_at datetime NOT NULL;
