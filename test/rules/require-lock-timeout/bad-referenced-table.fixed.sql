SET lock_timeout = '5s';
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
