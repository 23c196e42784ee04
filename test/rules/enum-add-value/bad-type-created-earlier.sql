-- sqlsight-test: version=11
-- The type was created, and committed, before this transaction: only a type created in the same
-- transaction may take new values there.
CREATE TYPE mood AS ENUM ('sad', 'happy');
BEGIN;
ALTER TYPE mood ADD VALUE 'curious';
COMMIT;
