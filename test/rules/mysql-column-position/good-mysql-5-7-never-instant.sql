-- sqlsight-test: dialect=mysql version=5.7 earlier=earlier.sql
-- MySQL 5.7 has no INSTANT: the column is added in place wherever it goes, so the position costs nothing.
ALTER TABLE orders ADD COLUMN coupon_code varchar(20) AFTER total_cents, ALGORITHM=INPLACE, LOCK=NONE;
