-- sqlsight-test: earlier=earlier-tables.sql
-- `profiles` was already wide (and reported) in the earlier migration.
ALTER TABLE profiles ADD COLUMN pronouns text;
