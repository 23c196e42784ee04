-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
SET foreign_key_checks = 0;
ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);
SET foreign_key_checks = 1;
