-- sqlsight-test: dialect=mariadb version=10.11
CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);
ALTER TABLE users ADD IF NOT EXISTS nickname varchar(40), DROP COLUMN IF EXISTS legacy_token;
DROP INDEX IF EXISTS users_name_idx ON users;
CREATE SEQUENCE IF NOT EXISTS invoice_numbers;
INSERT INTO schema_log (step) VALUES ('done');
