-- A new table whose foreign key locks an existing one while it is created.
SET lock_timeout = '5s';
CREATE TABLE payments (
  id bigint PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES invoices (id)
);
