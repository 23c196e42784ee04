CREATE TABLE sessions (id bigint PRIMARY KEY, nid uuid NOT NULL);
CREATE INDEX sessions_nid_idx ON sessions (id, nid);
CREATE INDEX sessions_id_nid_idx ON sessions (id, nid);
DROP INDEX sessions_nid_idx;
