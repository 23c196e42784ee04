-- sqlsight-test: dialect=mysql version=8.0.28
START TRANSACTION;
CREATE TABLE audit_log (id bigint PRIMARY KEY, body json);
COMMIT;
DROP TABLE legacy_sessions;
CREATE DATABASE reporting;
DROP PROCEDURE refresh_totals;
INSERT INTO schema_log (step) VALUES ('done');
