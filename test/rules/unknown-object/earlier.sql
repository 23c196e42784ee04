CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
DO $$ BEGIN EXECUTE 'CREATE TABLE audit_log (id bigint)'; END $$;
