ALTER TABLE orders
  ADD COLUMN shipped_at timestamptz,
  ALTER COLUMN placed_at TYPE timestamptz(0);
