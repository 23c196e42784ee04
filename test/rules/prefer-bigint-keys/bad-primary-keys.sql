CREATE TABLE accounts (
  id integer PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE countries (
  id smallint GENERATED ALWAYS AS IDENTITY,
  code text NOT NULL,
  PRIMARY KEY (id)
);
