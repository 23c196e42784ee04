-- sqlsight-test: earlier=earlier.sql
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_nickname_not_null_check CHECK (nickname IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_nickname_not_null_check;
ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_nickname_not_null_check;
