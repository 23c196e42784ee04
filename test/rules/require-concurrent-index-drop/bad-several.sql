DROP INDEX orders_reference_idx, orders_created_at_idx;
