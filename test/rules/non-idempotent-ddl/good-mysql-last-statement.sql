-- sqlsight-test: dialect=mysql version=8.0.28
-- A failing DDL statement applies nothing, so the migration's last one re-runs cleanly.
ALTER TABLE users ADD COLUMN nickname varchar(40);
