-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE orders MODIFY customer_idd BIGINT UNSIGNED NOT NULL;
ALTER TABLE orders ADD INDEX orders_placed (placed_at);
