BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
BEGIN;
ALTER TABLE users ADD COLUMN bio text  -- no terminator at the end of the file