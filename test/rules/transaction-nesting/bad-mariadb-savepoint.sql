-- sqlsight-test: dialect=mariadb version=10.11
SAVEPOINT before_backfill;
UPDATE users SET plan = 'free' WHERE plan IS NULL;
ROLLBACK TO SAVEPOINT before_backfill;
COMMIT;
