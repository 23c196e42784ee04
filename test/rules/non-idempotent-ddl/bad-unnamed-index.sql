-- Without a name, IF NOT EXISTS is not allowed and every run builds another copy.
CREATE INDEX CONCURRENTLY ON orders (user_id);
