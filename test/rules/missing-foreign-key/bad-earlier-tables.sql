-- sqlsight-test: earlier=earlier-tables.sql
-- A column added to a table of an earlier migration, naming a table of an earlier migration: reported, without a fix.
ALTER TABLE invoices ADD COLUMN customer_id bigint;
