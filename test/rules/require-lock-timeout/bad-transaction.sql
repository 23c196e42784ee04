-- Add a nickname and index it.
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
-- The transaction already holds ACCESS EXCLUSIVE on users: the index build waits for no lock.
CREATE INDEX users_nickname_idx ON users (nickname);
COMMIT;
