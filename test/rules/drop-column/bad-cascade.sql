ALTER TABLE users
  ADD COLUMN display_name text,
  DROP COLUMN IF EXISTS nickname CASCADE;
