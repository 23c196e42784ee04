-- sqlsight-test: version=12 assume-in-transaction
-- PostgreSQL 12 and later run ADD VALUE in a transaction block.
ALTER TYPE order_status ADD VALUE 'refunded';
