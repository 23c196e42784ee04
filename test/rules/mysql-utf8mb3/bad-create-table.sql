-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE customers (
  id INT PRIMARY KEY,
  name VARCHAR(100) CHARACTER SET utf8 COLLATE utf8_unicode_ci NOT NULL,
  code VARCHAR(20) COLLATE utf8mb3_bin,
  nickname NVARCHAR(40),
  country national char(2) COLLATE utf8_general_ci,
  bio TEXT CHARSET UTF8,
  email VARCHAR(255) CHARACTER SET utf8mb4
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci;
