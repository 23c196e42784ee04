-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE users CHANGE name name varchar(200) NOT NULL;
ALTER TABLE users CHANGE COLUMN `Email` email varchar(320);
ALTER TABLE users MODIFY nickname varchar(80);
CREATE TABLE drafts (id bigint, title varchar(80));
ALTER TABLE drafts CHANGE title headline varchar(80);
