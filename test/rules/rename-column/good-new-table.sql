CREATE TABLE drafts (id bigint, titel text);
ALTER TABLE drafts RENAME COLUMN titel TO title;
