-- sqlsight-test: dialect=mariadb version=10.11
CREATE TABLE api_tokens (token CHAR(64) NOT NULL, user_id BIGINT UNSIGNED NOT NULL, UNIQUE KEY api_tokens_token (token));
