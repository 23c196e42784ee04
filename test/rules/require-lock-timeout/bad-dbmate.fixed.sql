-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;

-- migrate:down
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN nickname;
