SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN bio text;
