-- sqlsight-test: dialect=mysql version=5.7 earlier=earlier.sql
-- MySQL before 8.0.16 parses CHECK and ignores it: nothing is copied.
ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity >= 0);
