CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE INDEX events_account_created_idx ON events (account_id, created_at);
CREATE INDEX events_created_idx ON events (created_at);
CREATE UNIQUE INDEX events_account_unique_idx ON events (account_id, id);
CREATE INDEX events_recent_account_idx ON events (account_id) WHERE created_at > '2024-01-01';
