CREATE TABLE import_scratch (id bigint);
TRUNCATE TABLE import_scratch, customers CASCADE;
