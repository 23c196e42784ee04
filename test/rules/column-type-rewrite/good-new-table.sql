CREATE TABLE labels (id bigint PRIMARY KEY, name varchar(20), weight integer);
ALTER TABLE labels ALTER COLUMN name TYPE text, ALTER COLUMN weight TYPE bigint;
