CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status) INCLUDE (created_at, total);
CREATE UNIQUE INDEX CONCURRENTLY orders_natural_key ON orders (shop_id, channel, external_id, line_no);
