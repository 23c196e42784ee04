CREATE TABLE authors (id bigint PRIMARY KEY);
CREATE TABLE books (
  id bigint PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES authors (id),
  title text NOT NULL
);
CREATE INDEX books_author_id_idx ON books (author_id);
