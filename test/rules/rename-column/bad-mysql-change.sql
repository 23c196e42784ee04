-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE users CHANGE name full_name varchar(200) NOT NULL;
ALTER TABLE users RENAME COLUMN email TO email_address;
