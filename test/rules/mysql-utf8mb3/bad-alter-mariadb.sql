-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE customers MODIFY name VARCHAR(100) CHARACTER SET utf8mb3 NOT NULL;
ALTER TABLE customers CONVERT TO CHARACTER SET utf8 COLLATE utf8_unicode_ci;
ALTER TABLE customers DEFAULT CHARSET = utf8;
ALTER TABLE customers ADD COLUMN city VARCHAR(80) COLLATE utf8_general_ci;
