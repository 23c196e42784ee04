-- sqlsight-test: assume-in-transaction
SET lock_timeout = '2s';
ALTER TABLE accounts ADD CONSTRAINT accounts_balance_check CHECK (balance >= 0) NOT VALID;
