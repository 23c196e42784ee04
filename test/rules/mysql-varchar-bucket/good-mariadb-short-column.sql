-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- MariaDB 10.4+: a column of at most 127 bytes (100 in latin1) widens in place past 255.
ALTER TABLE items MODIFY code varchar(300) CHARACTER SET latin1;
