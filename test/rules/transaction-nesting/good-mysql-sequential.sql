-- sqlsight-test: dialect=mysql version=8.0.28
START TRANSACTION;
INSERT INTO plans (name) VALUES ('free');
SAVEPOINT after_plans;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
ROLLBACK TO SAVEPOINT after_plans;
COMMIT;
ALTER TABLE users ADD COLUMN nickname varchar(40);
BEGIN;
DELETE FROM sessions WHERE expires_at < NOW();
COMMIT;
