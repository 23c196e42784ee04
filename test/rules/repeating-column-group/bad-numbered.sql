-- A list laid out as numbered columns, with and without an underscore before the number.
CREATE TABLE contacts (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  phone1 text,
  phone2 text,
  phone3 text,
  tag_1 text,
  tag_2 text,
  tag_3 text,
  tag_4 text,
  tag_5 text
);
