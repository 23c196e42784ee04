ALTER TABLE orders ADD COLUMN metadata jsonb;
ALTER TABLE orders ALTER COLUMN extra TYPE jsonb;
