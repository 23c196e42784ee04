-- sqlsight-test: assume-in-transaction earlier=earlier-tables.sql
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
