-- sqlsight-test: version=9.6
-- migrate:up
ALTER TYPE order_status ADD VALUE 'refunded';

-- migrate:down
SELECT 1;
