BEGIN;
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric(12, 2) NOT NULL);
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_amount_positive;
COMMIT;
