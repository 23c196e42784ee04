-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE orders ADD COLUMN total_cents bigint AS (quantity * unit_cents) PERSISTENT;
