-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE customers CHANGE name full_name VARCHAR(100) CHARACTER SET utf8 COLLATE utf8_bin NOT NULL;
ALTER TABLE customers CONVERT TO CHARSET utf8mb3;
