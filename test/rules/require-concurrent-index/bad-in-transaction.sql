BEGIN;
CREATE UNIQUE INDEX orders_ref_idx ON public.orders USING btree (reference) WHERE deleted_at IS NULL;
COMMIT;
