-- sqlsight-test: earlier=earlier-tables.sql
-- The earlier migration left `accounts` at 40 columns; this one takes it past the limit.
ALTER TABLE accounts ADD COLUMN referral_source text, ADD COLUMN signup_campaign text;
