-- sqlsight-test: dialect=mariadb version=11.4 earlier=earlier.sql
ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity >= 0);
