-- No transaction: each statement commits on its own.
CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, body jsonb);
CREATE UNLOGGED TABLE IF NOT EXISTS app."Import" (id bigint);
CREATE TABLE IF NOT EXISTS audit_archive AS SELECT * FROM audit_log WITH NO DATA;
