-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE accounts (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(100) NOT NULL, PRIMARY KEY (id));
CREATE TABLE account_tags (account_id BIGINT UNSIGNED NOT NULL, tag VARCHAR(32) NOT NULL);
ALTER TABLE account_tags ADD PRIMARY KEY (account_id, tag);
CREATE TABLE counters (id SERIAL, hits BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (id));
