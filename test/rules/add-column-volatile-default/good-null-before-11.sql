-- sqlsight-test: version=10
ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;
