-- sqlsight-test: dialect=mariadb version=10.11
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders MODIFY total_cents bigint NOT NULL;
CREATE INDEX orders_created_idx ON orders (created_at);
