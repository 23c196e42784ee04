-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE users ADD COLUMN plan varchar(20) NOT NULL DEFAULT 'free', ADD COLUMN score int NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN nickname varchar(40);
ALTER TABLE users ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT UNIQUE;
ALTER TABLE users ADD COLUMN ticket SERIAL;
ALTER TABLE users ADD COLUMN email_lower varchar(320) AS (lower(email)) STORED NOT NULL;
ALTER TABLE users ADD COLUMN email_domain varchar(320) AS (substring_index(email, '@', -1)) VIRTUAL NOT NULL;
ALTER TABLE users ADD COLUMN created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE TABLE plans (id bigint PRIMARY KEY);
ALTER TABLE plans ADD COLUMN name varchar(40) NOT NULL;
