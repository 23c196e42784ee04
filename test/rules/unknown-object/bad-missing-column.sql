-- sqlsight-test: earlier=earlier.sql
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN customer_idd SET NOT NULL;
ALTER TABLE orders DROP COLUMN placed_at;
