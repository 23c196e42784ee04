CREATE TABLE countries (
  code text PRIMARY KEY CHECK (char_length(code) <= 2),
  flag text NOT NULL CHECK (char_length(flag) <= 1),
  aliases text[]
);
