CREATE TABLE countries (
  code text PRIMARY KEY CHECK (char_length(code) = 2),
  name varchar(100) NOT NULL,
  kind "char" NOT NULL
);
