-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE accounts ADD INDEX accounts_slug (slug), ADD INDEX accounts_owner_again (owner_id), ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX accounts_owner_id ON accounts (owner_id, id);
