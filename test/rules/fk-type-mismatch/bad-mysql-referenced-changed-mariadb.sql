-- sqlsight-test: dialect=mariadb version=10.11 earlier=mysql-earlier.sql,mysql-earlier-child.sql
ALTER TABLE accounts MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT;
