-- sqlsight-test: assume-in-transaction
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id, region), ADD UNIQUE (slug);
