-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- A type change only copies: the clause changes nothing (mysql-copy-algorithm reports the copy).
ALTER TABLE items MODIFY price bigint, ALGORITHM=COPY, LOCK=SHARED;
