-- sqlsight-test: dialect=mysql version=8.0.29 earlier=earlier.sql
-- MySQL runs the whole statement in place once one action is not INSTANT; MariaDB would not rebuild here.
ALTER TABLE orders ADD COLUMN coupon_code varchar(20), ALGORITHM=INSTANT;
ALTER TABLE orders DROP INDEX orders_total;
