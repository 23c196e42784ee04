DROP INDEX orders_reference_idx CASCADE;
