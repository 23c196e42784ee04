-- DANGEROUS: the foreign key is validated immediately, scanning invoices while writes to
-- invoices and plans wait.
SET lock_timeout = '5s';
ALTER TABLE invoices ADD COLUMN plan_id bigint;
ALTER TABLE invoices ADD CONSTRAINT invoices_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id);
