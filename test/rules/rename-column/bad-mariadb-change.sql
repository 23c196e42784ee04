-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE users CHANGE COLUMN IF EXISTS name full_name varchar(200);
