\set ON_ERROR_STOP on
COPY notes (id, body) FROM stdin;
1	it's; not SQL
\.
SELECT 1;
