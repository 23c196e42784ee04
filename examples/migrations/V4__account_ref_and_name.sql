-- DANGEROUS: adds a column with a volatile default (a table rewrite under ACCESS EXCLUSIVE),
-- then makes an existing column NOT NULL (a full scan under ACCESS EXCLUSIVE), with no
-- lock_timeout: queued behind a long query, the ALTER blocks every read of accounts.
ALTER TABLE accounts ADD COLUMN external_ref uuid DEFAULT gen_random_uuid();
ALTER TABLE accounts ALTER COLUMN display_name SET NOT NULL;
