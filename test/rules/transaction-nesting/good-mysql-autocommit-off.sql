-- sqlsight-test: dialect=mysql version=8.0.28
SET autocommit = 0;
INSERT INTO plans (name) VALUES ('free');
COMMIT;
SET autocommit = 1;
