-- sqlsight-test: assume-in-transaction
DELETE FROM sessions;
DELETE FROM tokens USING users;
