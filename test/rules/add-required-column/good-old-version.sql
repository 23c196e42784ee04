-- sqlsight-test: version=10
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
