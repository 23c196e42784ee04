-- sqlsight-test: earlier=earlier-tables.sql
-- Two address lines were fine; the third makes a group. An unnumbered first column counts as 1.
ALTER TABLE customers ADD COLUMN address_line3 text;

CREATE TABLE people (
  id bigint PRIMARY KEY,
  "Email" text,
  "Email2" text,
  "Email3" text
);
