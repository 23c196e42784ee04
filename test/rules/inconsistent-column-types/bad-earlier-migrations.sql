-- sqlsight-test: earlier=earlier-tables.sql
-- Earlier migrations set the convention: timestamptz, uuid, jsonb.
CREATE TABLE api_keys (
  id bigint PRIMARY KEY,
  account_uuid varchar(36) NOT NULL,
  created_at timestamp NOT NULL
);
ALTER TABLE projects ADD COLUMN payload json;
