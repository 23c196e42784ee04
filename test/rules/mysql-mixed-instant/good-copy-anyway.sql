-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
-- The type change copies the table whatever else runs beside it: splitting gains nothing.
ALTER TABLE orders ADD COLUMN coupon_code varchar(20), MODIFY total_cents bigint;
