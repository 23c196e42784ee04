SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
DROP INDEX users_email_idx;
