-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items ADD COLUMN color varchar(20), ALGORITHM=INSTANT;
