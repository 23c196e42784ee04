CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text);
ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
