CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
  CREATE UNIQUE INDEX CONCURRENTLY "Orders_Ref_key" ON app.orders (ref);
SELECT 1; CREATE INDEX CONCURRENTLY orders_day_idx ON orders (created_at);
