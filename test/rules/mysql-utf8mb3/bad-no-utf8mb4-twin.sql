-- sqlsight-test: dialect=mariadb version=10.11
-- utf8mb3_general_mysql500_ci has no utf8mb4 twin: reported without a fix.
CREATE TABLE legacy (id INT PRIMARY KEY, name VARCHAR(20) CHARACTER SET utf8 COLLATE utf8_general_mysql500_ci);
