-- The referenced table comes later in the file: the finding has no fix (an inline REFERENCES would fail).
CREATE TABLE comments (id bigint PRIMARY KEY, article_id bigint NOT NULL, body text NOT NULL);
CREATE TABLE articles (id bigint PRIMARY KEY, title text NOT NULL);
