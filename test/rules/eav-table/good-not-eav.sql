-- A global key-value table (no entity), a score per name (one typed value), a translation table (more columns).
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE scores (
  id text PRIMARY KEY,
  trace_id text NOT NULL,
  name text NOT NULL,
  value double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE translations (
  entity_id bigint NOT NULL,
  locale text NOT NULL,
  key text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (entity_id, locale, key)
);
