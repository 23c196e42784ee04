-- sqlsight-ignore require-concurrent-index
CREATE INDEX users_email_idx ON users (email);
