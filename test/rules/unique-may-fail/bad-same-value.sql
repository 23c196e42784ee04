-- Every existing row gets the same value: the key fails as soon as the table holds two rows.
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free' UNIQUE;
ALTER TABLE users ADD COLUMN joined_at timestamptz DEFAULT now(), ADD CONSTRAINT users_joined_key UNIQUE (joined_at);
ALTER TABLE users ADD COLUMN tier int DEFAULT 1;
CREATE UNIQUE INDEX CONCURRENTLY users_tier_key ON users (tier);
