-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  account_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  type VARCHAR(16) NOT NULL,
  PRIMARY KEY (id),
  KEY events_account (account_id),
  KEY events_account_created (account_id, created_at),
  KEY events_account_type (account_id, type)
);
