ALTER TABLE orders
  ADD COLUMN shipped_at timestamp without time zone,
  ALTER COLUMN placed_at TYPE timestamp(0);
