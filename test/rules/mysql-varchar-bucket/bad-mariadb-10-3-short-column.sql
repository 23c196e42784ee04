-- sqlsight-test: dialect=mariadb version=10.3 earlier=earlier.sql
-- MariaDB widens a column of at most 127 bytes in place only from 10.4.
ALTER TABLE items MODIFY code varchar(300) CHARACTER SET latin1;
