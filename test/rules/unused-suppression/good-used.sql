-- sqlsight-ignore require-concurrent-index
CREATE INDEX users_email_idx ON users (email);
-- sqlsight-ignore-file add-foreign-key-validated
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
