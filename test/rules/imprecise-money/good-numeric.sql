CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  amount_cents bigint NOT NULL,
  latitude double precision,
  totals_ratio real
);
