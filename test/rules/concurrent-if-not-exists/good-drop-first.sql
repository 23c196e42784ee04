DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx;
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
CREATE TABLE shipments (id bigint PRIMARY KEY, order_id bigint);
CREATE INDEX IF NOT EXISTS shipments_order_idx ON shipments (order_id);
