-- sqlsight-test: dialect=mysql version=8.0.28
-- MySQL's max_execution_time bounds read-only SELECTs only: no timeout can bound this ALTER.
ALTER TABLE orders MODIFY total_cents bigint NOT NULL;
