-- sqlsight-test: dialect=mysql version=8.0.28
CREATE DATABASE IF NOT EXISTS app DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE SCHEMA reporting CHARSET = 'utf8mb4';
