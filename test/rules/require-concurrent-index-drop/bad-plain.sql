-- An index on a table that already holds data.
DROP INDEX users_email_idx;
