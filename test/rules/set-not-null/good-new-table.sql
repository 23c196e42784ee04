CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
