-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql expect-after-fix=mysql-pin-algorithm
ALTER TABLE orders MODIFY status enum('paid', 'new', 'shipped') NOT NULL DEFAULT 'new';
