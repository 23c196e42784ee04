-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE orders ADD INDEX orders_search (user_id, status, created_at, total);
