-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE orders MODIFY status enum('new', 'paid', 'shipped', 'cancelled') NOT NULL DEFAULT 'new', ALGORITHM=INSTANT;
