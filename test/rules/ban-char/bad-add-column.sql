ALTER TABLE users ADD COLUMN locale character(5), ALTER COLUMN currency TYPE char(3);
