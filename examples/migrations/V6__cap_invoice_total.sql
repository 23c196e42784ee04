-- Safe: NOT VALID checks only new rows, so the lock is brief.
SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE invoices ADD CONSTRAINT invoices_total_cap CHECK (total < 1000000) NOT VALID;
