-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity >= 0);
