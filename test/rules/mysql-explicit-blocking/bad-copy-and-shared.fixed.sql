-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE items MODIFY quantity int NULL DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE;
