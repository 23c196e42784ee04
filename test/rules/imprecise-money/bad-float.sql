CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  total double precision NOT NULL,
  "unitPrice" real,
  tax_amount float8
);
