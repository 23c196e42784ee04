-- sqlsight-test: version=11
-- migrate:up transaction:false
ALTER TYPE order_status ADD VALUE 'refunded';

-- migrate:down
SELECT 1;
