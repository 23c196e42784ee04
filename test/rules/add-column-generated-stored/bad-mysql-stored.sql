-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;
