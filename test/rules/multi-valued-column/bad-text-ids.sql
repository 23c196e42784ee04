-- Comma-separated ids in text columns.
CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);

CREATE TABLE posts (
  id bigint PRIMARY KEY,
  title text NOT NULL,
  tag_ids text,
  "viewerIds" varchar(2000),
  tag_list text
);
