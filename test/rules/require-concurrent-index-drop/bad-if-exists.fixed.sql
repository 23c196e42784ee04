DROP INDEX CONCURRENTLY IF EXISTS public.orders_reference_idx;
