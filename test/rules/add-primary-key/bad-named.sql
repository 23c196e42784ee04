ALTER TABLE audit.entries ADD CONSTRAINT entries_pk PRIMARY KEY (tenant_id, id);
