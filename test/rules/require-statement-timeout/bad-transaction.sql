-- Backfill and constrain.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
COMMIT;
