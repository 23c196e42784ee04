CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE sessions (id bigint PRIMARY KEY, account_id bigint, CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id));
CREATE TABLE legacy_sessions (id bigint PRIMARY KEY);
