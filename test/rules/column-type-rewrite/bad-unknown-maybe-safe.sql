ALTER TABLE users ALTER COLUMN email TYPE text, ALTER COLUMN code TYPE varchar(40);
