-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
-- A foreign key added with checks on copies the table; mysql-add-foreign-key reports it, so this rule stays quiet.
ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);
