-- Pairs, numbers that name a variant, and numbers that are not consecutive.
CREATE TABLE places (
  id bigint PRIMARY KEY,
  address_line1 text,
  address_line2 text,
  x1 numeric, y1 numeric, x2 numeric, y2 numeric,
  sha1 bytea, sha256 bytea, sha512 bytea,
  latency_p50 interval, latency_p90 interval, latency_p99 interval,
  ipv4 inet, ipv6 inet,
  oauth2_token text
);
