-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE customers RENAME AS accounts;
ALTER TABLE invoices RENAME bills;
