-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier-mysql.sql
-- handle is nullable: a primary key over it can fail on NULLs even though (id) was unique.
ALTER TABLE users DROP PRIMARY KEY, ADD PRIMARY KEY (id, handle);
