-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE events ADD COLUMN ticket SERIAL;
