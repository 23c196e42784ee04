BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text, ADD COLUMN bio text;
COMMIT;
UPDATE users SET nickname = name;
