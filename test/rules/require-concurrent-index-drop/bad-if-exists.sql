DROP INDEX IF EXISTS public.orders_reference_idx;
