CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL CHECK (char_length(email) <= 320),
  nickname varchar
);
ALTER TABLE users ALTER COLUMN bio TYPE text;
