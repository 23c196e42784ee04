-- migrate:up transaction:false
BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
