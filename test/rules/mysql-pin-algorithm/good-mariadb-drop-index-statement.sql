-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- MariaDB's DROP INDEX takes no ALGORITHM clause: nothing can be pinned there.
DROP INDEX items_owner ON items;
