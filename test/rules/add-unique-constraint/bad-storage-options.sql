-- Storage parameters are not carried into a recipe: no fix.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email) WITH (fillfactor = 70);
