-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- A FULLTEXT index is built under a shared lock whatever the clause says.
ALTER TABLE articles ADD FULLTEXT INDEX articles_body_text (body), LOCK=SHARED;
