BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name;
SELECT count(*) FROM users WHERE nickname IS NULL;
COMMIT;
