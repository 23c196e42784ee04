CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code varchar(8) UNIQUE);
CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts,
  account_code varchar(8) REFERENCES accounts (code)
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
CREATE INDEX invoices_account_code_idx ON invoices (account_code);
