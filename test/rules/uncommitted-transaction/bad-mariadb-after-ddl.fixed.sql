-- sqlsight-test: dialect=mariadb version=10.11
BEGIN;
ALTER TABLE users ADD COLUMN plan varchar(20);
BEGIN;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
COMMIT;
