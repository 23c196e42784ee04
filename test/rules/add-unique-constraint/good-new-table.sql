CREATE TABLE teams (id bigint PRIMARY KEY, slug text NOT NULL);
ALTER TABLE teams ADD CONSTRAINT teams_slug_key UNIQUE (slug);
ALTER TABLE teams ADD COLUMN code text UNIQUE;
