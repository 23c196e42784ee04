BEGIN;
DROP INDEX orders_reference_idx;
COMMIT;
