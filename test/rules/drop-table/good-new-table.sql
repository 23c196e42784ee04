CREATE TABLE import_scratch (id bigint);
ALTER TABLE import_scratch RENAME TO import_staging;
DROP TABLE import_staging;
