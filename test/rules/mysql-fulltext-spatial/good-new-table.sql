-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE posts (id int NOT NULL PRIMARY KEY, body text) ENGINE=InnoDB;
ALTER TABLE posts ADD FULLTEXT INDEX posts_body_text (body);
