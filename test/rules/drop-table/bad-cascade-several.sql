CREATE TABLE import_scratch (id bigint);
DROP TABLE IF EXISTS import_scratch, old_orders, old_payments CASCADE;
