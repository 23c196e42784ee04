-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE articles ADD FULLTEXT INDEX articles_body_text (body);
