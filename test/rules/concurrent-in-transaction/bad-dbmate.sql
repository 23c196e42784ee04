-- migrate:up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:down
DROP INDEX CONCURRENTLY users_email_idx;
