-- sqlsight-test: assume-in-transaction
-- The tool commits the transaction it wraps the file in.
ALTER TABLE users ADD COLUMN nickname text;
