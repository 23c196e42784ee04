-- The relation as a join table.
CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL);
CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE post_tags (
  post_id bigint NOT NULL REFERENCES posts (id),
  tag_id bigint NOT NULL REFERENCES tags (id),
  PRIMARY KEY (post_id, tag_id)
);
