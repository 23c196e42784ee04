-- sqlsight-test: version=11
-- REINDEX CONCURRENTLY does not exist before PostgreSQL 12.
REINDEX TABLE users;
