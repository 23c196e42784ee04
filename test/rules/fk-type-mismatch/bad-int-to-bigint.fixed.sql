CREATE TABLE accounts (id bigserial PRIMARY KEY);
CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
