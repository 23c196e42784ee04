ALTER TABLE users ADD COLUMN phone varchar(32);
