-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE customers MODIFY name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL;
ALTER TABLE customers CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE customers DEFAULT CHARSET = utf8mb4;
ALTER TABLE customers ADD COLUMN city VARCHAR(80) COLLATE utf8mb4_general_ci;
