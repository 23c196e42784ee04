  ALTER TABLE "Billing".invoices ADD CONSTRAINT "invoices_dueDate_not_null_check" CHECK ("dueDate" IS NOT NULL) NOT VALID;
  ALTER TABLE "Billing".invoices VALIDATE CONSTRAINT "invoices_dueDate_not_null_check";
  ALTER TABLE "Billing".invoices ALTER COLUMN "dueDate" SET NOT NULL;
  ALTER TABLE "Billing".invoices DROP CONSTRAINT "invoices_dueDate_not_null_check";
