CREATE INDEX CONCURRENTLY users_email_idx ON {{ index .Options "Namespace" }}.users (email);
