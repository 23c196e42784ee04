ALTER TABLE users ADD COLUMN display_name text;
ALTER TABLE users DROP CONSTRAINT users_nickname_check;
