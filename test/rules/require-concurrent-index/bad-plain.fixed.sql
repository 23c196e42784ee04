-- An index on a table that already holds data.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
