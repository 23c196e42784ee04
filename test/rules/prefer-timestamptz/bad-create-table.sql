CREATE TABLE logins (
  id bigint PRIMARY KEY,
  at timestamp NOT NULL DEFAULT now(),
  confirmed_at timestamp(3) without time zone,
  history timestamp[]
);
