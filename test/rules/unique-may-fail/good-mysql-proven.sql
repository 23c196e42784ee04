-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier-mysql.sql
ALTER TABLE users ADD UNIQUE KEY users_email_handle_key (email, handle);
ALTER TABLE users MODIFY email varchar(320) NOT NULL UNIQUE;
ALTER TABLE users MODIFY unknown_column int NOT NULL;
ALTER TABLE users ADD COLUMN ticket bigint NOT NULL AUTO_INCREMENT UNIQUE;
ALTER TABLE users ADD COLUMN referral_code varchar(20) UNIQUE;
ALTER TABLE users ADD COLUMN tier int NOT NULL DEFAULT 1;
ALTER TABLE users MODIFY tier bigint NOT NULL;
CREATE TABLE invites (id bigint, code varchar(20));
ALTER TABLE invites ADD UNIQUE (code), MODIFY code varchar(20) NOT NULL;
ALTER TABLE users DROP PRIMARY KEY;
ALTER TABLE users ADD PRIMARY KEY (id, email);
ALTER TABLE users DROP INDEX users_email_key, ADD UNIQUE KEY users_email_region_key (email, nickname);
