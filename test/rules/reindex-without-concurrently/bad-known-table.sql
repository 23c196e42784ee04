CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
REINDEX INDEX users_name_idx;
