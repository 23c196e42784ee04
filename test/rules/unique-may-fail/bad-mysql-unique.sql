-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier-mysql.sql
ALTER TABLE users ADD UNIQUE (handle);
ALTER TABLE users ADD UNIQUE INDEX users_nickname_key (nickname), ALGORITHM=INPLACE, LOCK=NONE;
CREATE UNIQUE INDEX users_handle_prefix ON users (handle(10));
ALTER TABLE users MODIFY born_on date UNIQUE;
