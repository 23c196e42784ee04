-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items ADD COLUMN color varchar(20), ALGORITHM=INSTANT;
ALTER TABLE items ADD INDEX items_name (name), ALGORITHM=NOCOPY, LOCK=NONE;
