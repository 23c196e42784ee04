-- sqlsight-test: earlier=earlier.sql
CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES ordrs (id));
