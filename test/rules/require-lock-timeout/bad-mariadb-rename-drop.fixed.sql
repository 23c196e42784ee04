-- sqlsight-test: dialect=mariadb version=10.11
SET SESSION lock_wait_timeout = 5;
RENAME TABLE sessions TO sessions_old;
DROP INDEX users_email_idx ON users;
TRUNCATE TABLE audit_log;
