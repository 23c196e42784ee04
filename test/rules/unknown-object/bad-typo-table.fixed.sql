-- sqlsight-test: earlier=earlier.sql
CREATE INDEX CONCURRENTLY customers_email_idx ON customers (email);
