-- sqlsight-test: version=15
-- NULLS NOT DISTINCT: the NULLs of a new column are all equal.
ALTER TABLE users ADD COLUMN handle text, ADD CONSTRAINT users_handle_key UNIQUE NULLS NOT DISTINCT (handle);
