-- sqlsight-test: dialect=mysql version=8.0.28
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname varchar(40), ALGORITHM=INSTANT;
CREATE TABLE invites (id bigint PRIMARY KEY, code varchar(20));
CREATE INDEX invites_code_idx ON invites (code);
CREATE TABLE drafts (id bigint, title varchar(80), KEY drafts_title (title));
DROP INDEX drafts_title ON drafts;
