-- sqlsight-test: version=11
ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL);
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
