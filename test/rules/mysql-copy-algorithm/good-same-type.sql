-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- A display width changes nothing: int(11) is int.
ALTER TABLE items MODIFY price int(11) DEFAULT 0;
