-- A type attribute next to an ordinary reference, external device ids, and an enum of kinds, not tables.
CREATE TYPE template_type AS ENUM ('PUBLIC', 'PRIVATE');

CREATE TABLE accounts (id bigint PRIMARY KEY);

CREATE TABLE subscriptions (
  id bigint PRIMARY KEY,
  account_type text NOT NULL,
  account_id bigint NOT NULL REFERENCES accounts (id),
  device_type text NOT NULL,
  device_id text NOT NULL,
  template_type template_type NOT NULL,
  template_id bigint
);

CREATE TABLE payments (id bigint PRIMARY KEY, payer_type text NOT NULL, payer_id bigint NOT NULL);
ALTER TABLE payments ADD CONSTRAINT payments_payer_fkey FOREIGN KEY (payer_id) REFERENCES accounts (id);
