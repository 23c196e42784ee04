CREATE TABLE line_items (id bigint PRIMARY KEY, quantity integer NOT NULL, unit_cents bigint NOT NULL);
ALTER TABLE line_items ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;
