-- No transaction: each statement commits on its own.
CREATE TABLE audit_log (id bigint PRIMARY KEY, body jsonb);
CREATE UNLOGGED TABLE app."Import" (id bigint);
CREATE TABLE audit_archive AS SELECT * FROM audit_log WITH NO DATA;
