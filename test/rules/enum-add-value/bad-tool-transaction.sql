-- sqlsight-test: version=10 assume-in-transaction
-- The migration tool wraps the file in a transaction: IF NOT EXISTS and BEFORE do not help.
ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'curious' BEFORE 'happy';
