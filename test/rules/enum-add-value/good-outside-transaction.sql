-- sqlsight-test: version=11
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
BEGIN;
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;
COMMIT;
