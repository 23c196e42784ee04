CREATE TABLE categories (
  id bigint PRIMARY KEY,
  parent_id bigint REFERENCES categories (id)
);
