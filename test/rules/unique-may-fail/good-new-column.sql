-- New columns hold NULL (never a conflict), or one value per row.
ALTER TABLE users ADD COLUMN external_id text UNIQUE;
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid() UNIQUE;
ALTER TABLE users ADD COLUMN seq bigserial UNIQUE;
ALTER TABLE users ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY, ADD CONSTRAINT users_number_key UNIQUE (number);
ALTER TABLE users ADD COLUMN ref text;
CREATE UNIQUE INDEX CONCURRENTLY users_ref_key ON users (ref);
CREATE UNIQUE INDEX CONCURRENTLY users_ref_email_key ON users (ref, email);
