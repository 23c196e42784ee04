-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE import_scratch (id bigint);
RENAME TABLE import_scratch TO import_staging;
DROP TABLE import_staging;
DROP VIEW active_users;
DROP INDEX users_email_idx ON users;
