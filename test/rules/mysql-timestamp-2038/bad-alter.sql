-- sqlsight-test: dialect=mysql version=9.0
ALTER TABLE subscriptions ADD COLUMN cancelled_at TIMESTAMP NULL, MODIFY renewed_at TIMESTAMP NULL;
