CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy_token text);
CREATE INDEX users_legacy_token_idx ON users (legacy_token);
CREATE VIEW active_tokens AS SELECT id, legacy_token FROM users WHERE legacy_token IS NOT NULL;
