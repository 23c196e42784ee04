-- sqlsight-test: dialect=mysql
-- Only this session's temporary table goes; a permanent table of the same name is untouched.
DROP TEMPORARY TABLE IF EXISTS import_batch;
