-- Names created elsewhere are reported where they are created, not where they are used.
ALTER TABLE customer_subscription_billing_period_adjustments_with_history_log ADD COLUMN note text;
