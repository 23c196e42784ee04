-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE import_scratch (id bigint);
TRUNCATE TABLE import_scratch;
DELETE FROM audit_log WHERE created_at < now() - INTERVAL 90 DAY LIMIT 10000;
