-- A leftover from a failed run is dropped first, so the CREATE can be re-run.
DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx;
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
DROP INDEX CONCURRENTLY IF EXISTS app.orders_ref_key;
CREATE UNIQUE INDEX CONCURRENTLY orders_ref_key ON app.orders (ref);
DROP TABLE IF EXISTS staging_orders;
CREATE TABLE staging_orders (id bigint);
