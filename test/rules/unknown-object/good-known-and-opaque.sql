-- sqlsight-test: earlier=earlier.sql
SET lock_timeout = '5s';
ALTER TABLE audit_log ADD COLUMN note text;
ALTER TABLE auth.users ADD COLUMN nickname text;
ALTER TABLE IF EXISTS legacy DROP COLUMN x;
ALTER TABLE orders DROP COLUMN IF EXISTS placed_at;
CREATE TEMPORARY TABLE scratch (id bigint);
CREATE INDEX scratch_id_idx ON scratch (id);
CREATE TABLE refunds (id bigint PRIMARY KEY, parent_id bigint REFERENCES refunds (id));
ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_note_check CHECK (note <> '');
DROP TABLE IF EXISTS ghosts;
ALTER TABLE orders ADD COLUMN shipped_at timestamptz, ALTER COLUMN shipped_at SET DEFAULT now();
