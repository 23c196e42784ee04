CREATE TABLE invites (id bigint, token text, code text);
ALTER TABLE invites DROP COLUMN token;
