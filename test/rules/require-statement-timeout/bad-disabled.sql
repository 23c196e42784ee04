SET statement_timeout = 0;
ALTER TABLE users ADD COLUMN nickname text;
