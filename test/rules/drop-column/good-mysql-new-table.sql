-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE invites (id bigint, token varchar(64), code varchar(16));
ALTER TABLE invites DROP COLUMN token;
ALTER TABLE users ADD COLUMN display_name varchar(80), DROP INDEX users_email_idx;
