-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE users ADD COLUMN code varchar(10) NOT NULL UNIQUE;
ALTER TABLE users ADD COLUMN referrer_id bigint;
ALTER TABLE users MODIFY referrer_id bigint NOT NULL;
