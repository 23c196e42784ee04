-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
CREATE TABLE members (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, team_id BIGINT UNSIGNED NOT NULL, flags TINYINT UNSIGNED NOT NULL, FOREIGN KEY (team_id) REFERENCES teams (id));
-- The key of countries is narrow, but a referencing column must keep its size: countries' own finding covers it.
CREATE TABLE cities (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, country_id SMALLINT UNSIGNED NOT NULL, FOREIGN KEY (country_id) REFERENCES countries (id));
-- A narrow part of a composite primary key is a natural key, not a counter.
CREATE TABLE shard_tasks (shard_id INT NOT NULL, task_id BIGINT NOT NULL, PRIMARY KEY (shard_id, task_id));
