-- sqlsight-test: version=11 assume-in-transaction
-- A type created earlier in the same transaction may take new values (PostgreSQL 9.3+).
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
ALTER TYPE app.mood ADD VALUE 'curious';
