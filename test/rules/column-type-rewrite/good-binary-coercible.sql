ALTER TABLE users ADD COLUMN code varchar(20), ADD COLUMN amount numeric(10,2), ADD COLUMN network cidr, ADD COLUMN seen_at timestamp(0);
ALTER TABLE users ALTER COLUMN code TYPE varchar(40);
ALTER TABLE users ALTER COLUMN code TYPE text;
ALTER TABLE users ALTER COLUMN amount TYPE numeric(14,2);
ALTER TABLE users ALTER COLUMN network TYPE inet;
ALTER TABLE users ALTER COLUMN seen_at TYPE timestamp(3);
