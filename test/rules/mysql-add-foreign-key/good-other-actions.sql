-- sqlsight-test: dialect=mariadb version=10.11
ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0), ADD UNIQUE KEY orders_number (number);
ALTER TABLE orders ADD COLUMN note TEXT NULL;
