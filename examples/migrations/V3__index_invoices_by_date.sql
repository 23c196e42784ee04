-- DANGEROUS: invoices already holds data when this runs. A plain CREATE INDEX takes a SHARE
-- lock for the whole build, so every insert and update of an invoice waits.
CREATE INDEX invoices_issued_at_idx ON invoices (issued_at);
