-- Safe: validation scans the table under a lock that lets reads and writes continue.
SET lock_timeout = '5s';
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_total_cap;
