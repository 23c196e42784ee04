CREATE TABLE logins (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz(3),
  history timestamptz[]
);
