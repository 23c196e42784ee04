-- sqlsight-test: dialect=mariadb version=10.11 earlier=mysql-earlier.sql expect-after-fix=mysql-pin-algorithm
ALTER TABLE teams MODIFY id MEDIUMINT UNSIGNED NOT NULL AUTO_INCREMENT;
