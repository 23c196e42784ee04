-- sqlsight-test: dialect=mysql version=8.0.28
START TRANSACTION;
INSERT INTO plans (name) VALUES ('free');
UPDATE users SET plan = 'free' WHERE plan IS NULL;
COMMIT;
