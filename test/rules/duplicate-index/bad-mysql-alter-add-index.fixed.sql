-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE accounts ADD INDEX accounts_slug (slug), ALGORITHM=INPLACE, LOCK=NONE;
