-- Safe: a short lock timeout, and the index is built without blocking writes.
-- (Flyway runs this file outside a transaction: CONCURRENTLY cannot run inside one.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY invoices_plan_id_idx ON invoices (plan_id);
