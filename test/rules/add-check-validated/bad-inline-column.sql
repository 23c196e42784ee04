ALTER TABLE orders ADD COLUMN discount numeric(5, 2) CHECK (discount BETWEEN 0 AND 100);
