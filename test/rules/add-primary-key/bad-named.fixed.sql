CREATE UNIQUE INDEX CONCURRENTLY entries_pk ON audit.entries (tenant_id, id);
ALTER TABLE audit.entries ADD CONSTRAINT entries_pk PRIMARY KEY USING INDEX entries_pk;
