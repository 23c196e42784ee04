-- The column was filled from existing data before the index: duplicates are possible.
ALTER TABLE users ADD COLUMN handle text;
UPDATE users SET handle = lower(name);
CREATE UNIQUE INDEX CONCURRENTLY users_handle_key ON users (handle);
