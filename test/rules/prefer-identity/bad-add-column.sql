ALTER TABLE invoices ADD COLUMN number serial4;
