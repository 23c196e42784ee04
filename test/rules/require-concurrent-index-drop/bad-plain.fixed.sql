-- An index on a table that already holds data.
DROP INDEX CONCURRENTLY users_email_idx;
