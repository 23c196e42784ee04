-- One foreign key column per target, exactly one set.
CREATE TABLE posts (id bigint PRIMARY KEY);
CREATE TABLE photos (id bigint PRIMARY KEY);
CREATE TABLE comments (
  id bigint PRIMARY KEY,
  post_id bigint REFERENCES posts (id),
  photo_id bigint REFERENCES photos (id),
  body text NOT NULL,
  CHECK (num_nonnulls(post_id, photo_id) = 1)
);
