-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE subscriptions (
  id BIGINT PRIMARY KEY,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at TIMESTAMP(6) NULL,
  renewed_at DATETIME NULL
);
