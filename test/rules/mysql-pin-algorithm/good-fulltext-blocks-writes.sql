-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- A FULLTEXT index never lets writes through (mysql-fulltext-spatial).
ALTER TABLE articles ADD FULLTEXT INDEX articles_body_text (body);
