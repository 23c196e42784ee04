-- An index on a table that already holds data.
CREATE INDEX users_email_idx ON users (email);
