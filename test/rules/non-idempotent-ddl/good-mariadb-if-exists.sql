-- sqlsight-test: dialect=mariadb version=10.11
CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname varchar(40), DROP COLUMN IF EXISTS legacy_token;
DROP INDEX IF EXISTS users_name_idx ON users;
