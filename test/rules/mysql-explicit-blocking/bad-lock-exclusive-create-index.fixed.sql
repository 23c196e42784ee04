-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
CREATE INDEX items_name ON items (name) ALGORITHM=INPLACE LOCK=NONE;
