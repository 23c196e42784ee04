-- sqlsight-test: dialect=mysql version=8.0.28
-- users.id is a narrow key written here: sessions.user_id must follow it, so this finding has no fix
-- of its own (fk-type-mismatch first aligns it with users.id; widening both follows).
CREATE TABLE users (id INT UNSIGNED NOT NULL AUTO_INCREMENT, email VARCHAR(255) NOT NULL, UNIQUE KEY users_id (id));
CREATE TABLE sessions (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, FOREIGN KEY (user_id) REFERENCES users (id));
