CREATE TABLE customer_subscription_billing_period_adjustments_with_history_log (
  id bigint PRIMARY KEY,
  "Größenänderungsbenachrichtigungsempfängeradresse_für_Überweisungen" text,
  CONSTRAINT customer_subscription_billing_period_adjustments_amount_is_positive CHECK (id > 0)
);
