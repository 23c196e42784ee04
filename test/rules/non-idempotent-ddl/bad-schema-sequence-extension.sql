-- sqlsight-test: version=12
CREATE SCHEMA billing;
CREATE SCHEMA AUTHORIZATION reporting;
CREATE SEQUENCE billing.invoice_number START 1000;
CREATE EXTENSION pgcrypto WITH SCHEMA billing;
