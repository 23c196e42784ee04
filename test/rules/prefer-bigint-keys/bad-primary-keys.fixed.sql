CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE countries (
  id bigint GENERATED ALWAYS AS IDENTITY,
  code text NOT NULL,
  PRIMARY KEY (id)
);
