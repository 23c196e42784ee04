-- The customer's name and email copied into orders, next to the reference to the customer.
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email varchar(320) NOT NULL);

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  customer_name text NOT NULL,
  customer_email text,
  placed_at timestamptz NOT NULL
);
