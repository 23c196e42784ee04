-- sqlsight-test: dialect=mysql version=8.0.28
BEGIN;
INSERT INTO plans (name) VALUES ('free');
ALTER TABLE users ADD COLUMN plan_id bigint;
UPDATE users SET plan_id = 1 WHERE plan_id IS NULL;
ROLLBACK;
