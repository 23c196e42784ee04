-- IF NOT EXISTS cannot be combined with schema elements: reported without a fix.
CREATE SCHEMA audit CREATE TABLE entries (id bigint);
