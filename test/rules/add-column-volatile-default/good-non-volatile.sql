ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new', ADD COLUMN created_at timestamptz DEFAULT now();
