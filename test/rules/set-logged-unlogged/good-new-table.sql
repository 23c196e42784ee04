CREATE UNLOGGED TABLE staging (id bigint PRIMARY KEY, payload jsonb);
ALTER TABLE staging SET LOGGED;
