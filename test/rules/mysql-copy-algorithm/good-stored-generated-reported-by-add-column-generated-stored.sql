-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
-- A stored generated column copies the table; add-column-generated-stored reports it, so this rule stays quiet.
ALTER TABLE items ADD COLUMN total int AS (price * quantity) STORED, ALGORITHM=COPY;
