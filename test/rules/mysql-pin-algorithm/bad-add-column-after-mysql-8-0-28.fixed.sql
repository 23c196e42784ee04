-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
-- Before 8.0.29 a column added AFTER another rebuilds the table in place (writes continue).
ALTER TABLE items ADD COLUMN color varchar(20) AFTER name, ALGORITHM=INPLACE, LOCK=NONE;
