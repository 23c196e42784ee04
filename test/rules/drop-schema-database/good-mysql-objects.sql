-- sqlsight-test: dialect=mysql version=8.0.28
DROP VIEW reporting.daily_totals;
CREATE DATABASE IF NOT EXISTS reporting;
