CREATE TABLE tokens (id bigint PRIMARY KEY, value text NOT NULL);
CREATE INDEX tokens_value_idx ON tokens (value);
DROP INDEX tokens_value_idx;
CREATE INDEX tokens_value_idx ON tokens (value);
CREATE INDEX tokens_value_hash_idx ON tokens USING hash (value);
