CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(320) NOT NULL,
  legacy_token varchar(64),
  region varchar(8),
  team_id bigint,
  KEY users_legacy_token_idx (legacy_token),
  KEY users_region_token_idx (region, legacy_token),
  UNIQUE KEY users_email_token_key (email, legacy_token)
);
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id);
CREATE TABLE sessions (id bigint PRIMARY KEY, user_id bigint, CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id));
CREATE VIEW active_tokens AS SELECT id, legacy_token FROM users WHERE legacy_token IS NOT NULL;
