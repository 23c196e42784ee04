-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier.sql
CREATE FULLTEXT INDEX searchable_body_2 ON searchable (body);
