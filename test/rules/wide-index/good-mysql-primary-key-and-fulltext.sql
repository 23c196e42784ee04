-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE articles (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, author_id BIGINT UNSIGNED, state TINYINT, published_at DATETIME, title TEXT, lead TEXT, body TEXT, tags TEXT, KEY articles_feed (author_id, state, published_at, id), FULLTEXT KEY articles_text (title, lead, body, tags));
