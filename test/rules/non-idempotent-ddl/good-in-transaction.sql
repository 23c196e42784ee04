BEGIN;
CREATE TABLE audit_log (id bigint PRIMARY KEY, body jsonb);
ALTER TABLE users ADD COLUMN nickname text;
DROP TABLE old_sessions;
COMMIT;
