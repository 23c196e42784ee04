CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (char_length(email) <= 255),
  "Nickname" text CHECK (char_length("Nickname") <= 40),
  tags text[]
);
