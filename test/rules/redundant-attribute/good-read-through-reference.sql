-- The name is read through the reference.
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
CREATE VIEW order_summaries AS SELECT orders.id, customers.name AS customer_name FROM orders JOIN customers ON customers.id = orders.customer_id;
