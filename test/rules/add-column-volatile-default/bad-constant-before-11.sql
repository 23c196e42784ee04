-- sqlsight-test: version=10
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
