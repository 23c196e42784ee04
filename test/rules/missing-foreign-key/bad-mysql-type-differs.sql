-- sqlsight-test: dialect=mysql version=8.0.28
-- An INT cannot reference a BIGINT UNSIGNED key (MySQL refuses it): reported, with no fix.
CREATE TABLE users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE sessions (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL);
