-- sqlsight-test: dialect=mysql version=8.0.28 earlier=earlier-mysql.sql
ALTER TABLE users MODIFY nickname varchar(80) NOT NULL;
ALTER TABLE users CHANGE born_on birth_date date NOT NULL;
