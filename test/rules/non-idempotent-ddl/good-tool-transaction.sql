-- sqlsight-test: assume-in-transaction
CREATE TABLE audit_log (id bigint PRIMARY KEY, body jsonb);
CREATE INDEX audit_log_body_idx ON audit_log USING gin (body);
DROP TABLE old_sessions;
