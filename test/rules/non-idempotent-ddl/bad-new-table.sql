-- sqlsight-test: version=11
-- The table is new, but a re-run still meets the index and the column.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, total numeric);
CREATE INDEX invoices_total_idx ON invoices (total);
ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
