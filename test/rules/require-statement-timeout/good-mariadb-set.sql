-- sqlsight-test: dialect=mariadb version=10.11
SET SESSION max_statement_time = 300;
ALTER TABLE orders MODIFY total_cents bigint NOT NULL;
