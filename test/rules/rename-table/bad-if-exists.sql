ALTER TABLE IF EXISTS billing.invoices RENAME TO bills;
