-- sqlsight-test: dialect=mysql version=8.0.28
START TRANSACTION;
CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, body json);
COMMIT;
DROP TABLE IF EXISTS legacy_sessions;
CREATE DATABASE IF NOT EXISTS reporting;
DROP PROCEDURE IF EXISTS refresh_totals;
INSERT INTO schema_log (step) VALUES ('done');
