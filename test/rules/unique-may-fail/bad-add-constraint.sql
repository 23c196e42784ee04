-- sqlsight-test: version=15
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE orders ADD PRIMARY KEY (id);
ALTER TABLE "Tags" ADD CONSTRAINT tags_name_key UNIQUE NULLS NOT DISTINCT ("Name", scope);
