ALTER TABLE orders ADD COLUMN quantity integer;
ALTER TABLE orders ALTER COLUMN quantity TYPE bigint USING quantity::bigint;
