-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE customer_subscription_billing_period_adjustments_with_history_log_v2 (
  id bigint PRIMARY KEY,
  billing_period_adjustment_reason_as_reported_by_the_payment_provider varchar(80),
  KEY customer_subscription_billing_period_adjustments_reason_lookup_idx (id),
  CONSTRAINT customer_subscription_billing_period_adjustments_amount_is_positive CHECK (id > 0)
);
