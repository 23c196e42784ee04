-- sqlsight-test: dialect=mariadb version=10.11
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD nickname varchar(40), DROP COLUMN legacy_token;
DROP INDEX users_name_idx ON users;
CREATE SEQUENCE invoice_numbers;
INSERT INTO schema_log (step) VALUES ('done');
