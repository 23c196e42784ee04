CREATE INDEX CONCURRENTLY users_email_idx ON auth.users (email);
