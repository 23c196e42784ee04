ALTER TABLE orders ADD COLUMN metadata json;
ALTER TABLE orders ALTER COLUMN extra TYPE json;
