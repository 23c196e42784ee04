ALTER TABLE users ADD COLUMN locale text, ALTER COLUMN currency TYPE text;
