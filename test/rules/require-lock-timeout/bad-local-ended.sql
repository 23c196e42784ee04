BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
-- SET LOCAL ended with the transaction above.
ALTER TABLE users ADD COLUMN bio text;
