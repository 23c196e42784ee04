-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
ALTER TABLE items ADD COLUMN color varchar(20), ALGORITHM=INSTANT;
