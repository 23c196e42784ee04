-- No foreign key, no such attribute, a different kind of value, bookkeeping, and keys for composite references.
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL, org_id bigint NOT NULL);

CREATE TABLE quotes (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL,
  customer_name text NOT NULL
);

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  customer_note text,
  customer_status integer,
  customer_created_at timestamptz,
  customer_org_id bigint NOT NULL,
  customers_count integer
);
