-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, body json);
CREATE TEMPORARY TABLE import_rows (id bigint);
DROP TABLE IF EXISTS legacy_sessions;
DROP VIEW IF EXISTS active_users;
CREATE DATABASE IF NOT EXISTS reporting;
DROP TABLE IF EXISTS staging;
CREATE TABLE staging (id bigint);
