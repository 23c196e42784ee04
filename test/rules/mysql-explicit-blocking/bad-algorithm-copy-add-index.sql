-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items ADD INDEX items_name (name), ALGORITHM=COPY;
