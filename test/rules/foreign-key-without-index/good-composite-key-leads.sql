CREATE TABLE tags (id bigint PRIMARY KEY);
CREATE TABLE posts (id bigint PRIMARY KEY);
CREATE TABLE post_tags (
  post_id bigint NOT NULL REFERENCES posts (id),
  tag_id bigint NOT NULL REFERENCES tags (id),
  PRIMARY KEY (post_id, tag_id),
  UNIQUE (tag_id, post_id)
);
