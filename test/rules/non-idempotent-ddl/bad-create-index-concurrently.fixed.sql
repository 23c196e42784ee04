DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx;
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
  DROP INDEX CONCURRENTLY IF EXISTS app."Orders_Ref_key";
  CREATE UNIQUE INDEX CONCURRENTLY "Orders_Ref_key" ON app.orders (ref);
SELECT 1; DROP INDEX CONCURRENTLY IF EXISTS orders_day_idx; CREATE INDEX CONCURRENTLY orders_day_idx ON orders (created_at);
