SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
RESET lock_timeout;
ALTER TABLE users ADD COLUMN bio text;
