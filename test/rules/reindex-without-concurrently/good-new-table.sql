CREATE TABLE staging (id bigint PRIMARY KEY, code text);
CREATE INDEX staging_code_idx ON staging (code);
REINDEX TABLE staging;
REINDEX INDEX staging_code_idx;
