-- sqlsight-test: dialect=mysql version=8.0.28
-- Even an instant ALTER first waits for the metadata lock.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE users ADD COLUMN nickname varchar(40), ALGORITHM=INSTANT;
CREATE INDEX users_nickname_idx ON users (nickname);
