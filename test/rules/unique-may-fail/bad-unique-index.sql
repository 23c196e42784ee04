CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
CREATE UNIQUE INDEX ON app.accounts (lower(email), tenant_id) WHERE deleted_at IS NULL;
