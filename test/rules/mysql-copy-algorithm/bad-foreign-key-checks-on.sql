-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);
