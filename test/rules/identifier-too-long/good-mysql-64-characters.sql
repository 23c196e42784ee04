-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE subscription_adjustments (
  id bigint PRIMARY KEY,
  -- 64 characters, 128 bytes: MySQL counts characters
  `éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé` varchar(10),
  abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghi varchar(10)
);
ALTER TABLE customer_subscription_billing_period_adjustments_with_history_log_v2_long_name_used ADD COLUMN note text;
