CREATE INDEX CONCURRENTLY users_name_idx ON users (name);

-- Changed our mind: the table is named in the finding because the index was created above.
DROP INDEX CONCURRENTLY users_name_idx;
