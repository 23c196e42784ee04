CREATE TABLE import_scratch (id bigint);
TRUNCATE import_scratch;
