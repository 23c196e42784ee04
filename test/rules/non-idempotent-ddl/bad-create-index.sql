CREATE TABLE IF NOT EXISTS events (id bigint, kind text);
CREATE INDEX events_kind_idx ON events (kind);
CREATE UNIQUE INDEX
  events_id_key ON events (id);
