-- sqlsight-test: dialect=mysql version=8.0.28
-- MySQL has no IF [NOT] EXISTS for these: reported without a fix.
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN nickname varchar(40), DROP COLUMN legacy_token;
DROP INDEX users_name_idx ON users;
INSERT INTO schema_log (step) VALUES ('done');
