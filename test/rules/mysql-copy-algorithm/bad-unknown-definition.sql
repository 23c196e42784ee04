-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE invoices MODIFY total_cents bigint NOT NULL;
