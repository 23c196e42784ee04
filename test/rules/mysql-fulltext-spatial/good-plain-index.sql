-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE articles ADD INDEX articles_title (title), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE searchable ADD INDEX searchable_rating (rating), ALGORITHM=NOCOPY, LOCK=NONE;
