ALTER TABLE users ADD COLUMN code varchar(20);
ALTER TABLE users ALTER COLUMN code TYPE varchar(10);
