CREATE TABLE webhooks (id bigint PRIMARY KEY, body jsonb NOT NULL);
ALTER TABLE orders ADD COLUMN metadata jsonb;
