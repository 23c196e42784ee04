CREATE TABLE IF NOT EXISTS events (id bigint, kind text);
CREATE INDEX IF NOT EXISTS events_kind_idx ON events (kind);
CREATE UNIQUE INDEX
  IF NOT EXISTS events_id_key ON events (id);
