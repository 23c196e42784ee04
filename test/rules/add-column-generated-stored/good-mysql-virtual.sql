-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) VIRTUAL;
ALTER TABLE orders ADD COLUMN total_cents_2 bigint AS (quantity * unit_cents);
CREATE TABLE line_items (id bigint PRIMARY KEY, quantity int NOT NULL, unit_cents bigint NOT NULL);
ALTER TABLE line_items ADD COLUMN total_cents bigint AS (quantity * unit_cents) STORED;
