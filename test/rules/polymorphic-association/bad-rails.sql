-- Rails-style polymorphic references: the type column names the target table.
CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL);
CREATE TABLE photos (id bigint PRIMARY KEY, url text NOT NULL);

CREATE TABLE comments (
  id bigint PRIMARY KEY,
  commentable_type character varying NOT NULL,
  commentable_id bigint NOT NULL,
  body text NOT NULL
);

CREATE TABLE attachments (id bigint PRIMARY KEY, record_type text NOT NULL);
ALTER TABLE attachments ADD COLUMN record_id uuid NOT NULL;
