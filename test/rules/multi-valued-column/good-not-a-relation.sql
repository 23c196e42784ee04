-- Lists that are things of their own, json, text arrays not naming a table, and counts.
CREATE TABLE newsletters (
  id bigint PRIMARY KEY,
  mailing_list text NOT NULL,
  ip_allow_list text,
  external_ids text[],
  tags text[],
  settings jsonb,
  member_ids jsonb,
  ids_count integer,
  tag_id bigint
);
