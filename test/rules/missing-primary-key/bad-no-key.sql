-- A log table and a join table without a primary key; a nullable UNIQUE column does not identify rows.
CREATE TABLE page_views (
  page_id bigint NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE post_tags (
  post_id bigint NOT NULL,
  tag_id bigint NOT NULL
);

CREATE TABLE legacy_users (
  user_id integer UNIQUE,
  name varchar(40)
);
