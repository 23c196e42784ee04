-- sqlsight-ignore require-concurrent-index, add-foreign-key-validated
CREATE INDEX users_email_idx ON users (email);
