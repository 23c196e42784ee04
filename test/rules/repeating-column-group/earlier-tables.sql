CREATE TABLE customers (
  id bigint PRIMARY KEY,
  address_line1 text,
  address_line2 text
);
