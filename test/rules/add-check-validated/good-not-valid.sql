ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_currency_known CHECK (currency IN ('EUR', 'USD')) NO INHERIT NOT VALID;
