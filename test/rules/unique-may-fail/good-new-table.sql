CREATE TABLE invoices (id bigint, number text);
CREATE UNIQUE INDEX invoices_number_key ON invoices (number);
ALTER TABLE invoices ADD PRIMARY KEY (id);
ALTER TABLE invoices ADD CONSTRAINT invoices_ref_key UNIQUE (number, id);
