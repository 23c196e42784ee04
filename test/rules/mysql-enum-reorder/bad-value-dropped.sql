-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE orders MODIFY status enum('new', 'paid') NOT NULL DEFAULT 'new';
