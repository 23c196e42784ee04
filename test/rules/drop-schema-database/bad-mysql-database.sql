-- sqlsight-test: dialect=mysql version=8.0.28
DROP DATABASE IF EXISTS reporting;
