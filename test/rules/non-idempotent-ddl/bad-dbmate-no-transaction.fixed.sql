-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified boolean;

-- migrate:down
ALTER TABLE users DROP COLUMN IF EXISTS email_verified;
