ALTER TABLE users ADD COLUMN full_name text;
ALTER TABLE users RENAME CONSTRAINT users_name_check TO users_full_name_check;
