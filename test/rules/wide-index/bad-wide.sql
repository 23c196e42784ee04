CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status, created_at, lower(note));
