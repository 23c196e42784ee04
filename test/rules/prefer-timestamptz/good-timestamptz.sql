CREATE TABLE logins (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamp(3) with time zone,
  starts time,
  day date
);
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;
