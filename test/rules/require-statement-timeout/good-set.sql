SET statement_timeout = '5min';
ALTER TABLE users ADD COLUMN nickname text;
