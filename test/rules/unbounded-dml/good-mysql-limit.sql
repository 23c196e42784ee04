-- sqlsight-test: dialect=mysql
-- A batch of at most 1,000 rows, the usual way to backfill on MySQL.
UPDATE users SET plan = 'free' LIMIT 1000;
DELETE FROM sessions ORDER BY created_at LIMIT 5000;
