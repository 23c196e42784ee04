CREATE TABLE orders (id bigint PRIMARY KEY, state text NOT NULL, customer_id bigint);
CREATE INDEX orders_open_state_idx ON orders (state) WHERE state <> 'done';
