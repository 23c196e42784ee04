-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE users ADD COLUMN signed_up_on date NOT NULL, ADD COLUMN bio text NOT NULL, ADD COLUMN payload json NOT NULL;
