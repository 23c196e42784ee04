-- sqlsight-test: assume-in-transaction
-- The migration tool runs this file inside a transaction.
DROP INDEX CONCURRENTLY users_email_idx;
