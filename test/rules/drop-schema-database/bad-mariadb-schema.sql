-- sqlsight-test: dialect=mariadb version=10.11
DROP SCHEMA analytics;
