-- sqlsight-test: dialect=mariadb version=10.11
SET NAMES utf8;
SET NAMES 'utf8' COLLATE 'utf8_unicode_ci';
SET CHARACTER SET utf8mb3;
