-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE tags (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, slug VARCHAR(100) NOT NULL, KEY tags_name_prefix (name(10)), KEY tags_name_slug (name, slug), KEY tags_slug_name (slug, name), KEY tags_name_id (name, id));
CREATE UNIQUE INDEX tags_slug ON tags (slug);
