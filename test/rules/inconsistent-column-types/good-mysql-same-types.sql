-- sqlsight-test: dialect=mysql version=8.0.28
-- Display widths and text lengths are not types; a status code and a status word are two things.
CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id BIGINT(20) UNSIGNED NOT NULL, note VARCHAR(100), status TINYINT NOT NULL);
CREATE TABLE payments (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id BIGINT UNSIGNED NOT NULL, note TEXT, status VARCHAR(16) NOT NULL);
