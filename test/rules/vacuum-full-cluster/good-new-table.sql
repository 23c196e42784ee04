CREATE TABLE staging (id bigint PRIMARY KEY, payload jsonb);
VACUUM FULL staging;
CLUSTER staging USING staging_pkey;
