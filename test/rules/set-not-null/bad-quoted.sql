  ALTER TABLE "Billing".invoices ALTER COLUMN "dueDate" SET NOT NULL;
