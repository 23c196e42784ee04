CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE INDEX events_account_idx ON events (account_id);
CREATE INDEX events_account_created_idx ON events (account_id, created_at);
