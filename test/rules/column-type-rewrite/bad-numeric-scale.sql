ALTER TABLE invoices ADD COLUMN total numeric(10,2);
ALTER TABLE invoices ALTER COLUMN total TYPE numeric(12,3);
