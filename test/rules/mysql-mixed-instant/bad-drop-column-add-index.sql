-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE orders DROP COLUMN note, ADD INDEX orders_placed_at (placed_at);
