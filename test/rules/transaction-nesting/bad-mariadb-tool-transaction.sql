-- sqlsight-test: dialect=mariadb version=10.11 assume-in-transaction
INSERT INTO plans (name) VALUES ('free');
BEGIN;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
COMMIT;
