-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE customers (
  id INT PRIMARY KEY,
  name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  code VARCHAR(20) COLLATE utf8mb4_bin,
  nickname VARCHAR(40) CHARACTER SET utf8mb4,
  country char(2) character set utf8mb4 COLLATE utf8mb4_general_ci,
  bio TEXT CHARSET UTF8MB4,
  email VARCHAR(255) CHARACTER SET utf8mb4
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
