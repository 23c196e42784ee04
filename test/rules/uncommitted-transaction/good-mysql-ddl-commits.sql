-- sqlsight-test: dialect=mysql version=8.0.28
-- DDL commits the open transaction implicitly: nothing is left uncommitted.
BEGIN;
INSERT INTO plans (name) VALUES ('free');
ALTER TABLE users ADD COLUMN plan varchar(20);
