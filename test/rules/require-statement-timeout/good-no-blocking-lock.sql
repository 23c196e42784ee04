CREATE TABLE accounts (id bigint PRIMARY KEY);
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
