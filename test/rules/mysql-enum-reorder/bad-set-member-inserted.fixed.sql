-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql expect-after-fix=mysql-pin-algorithm
ALTER TABLE orders MODIFY flags set('gift','rush','fragile');
