-- sqlsight-test: assume-in-transaction
CREATE INDEX orders_user_idx ON orders (user_id);
SELECT count(*) FROM orders;
DROP INDEX orders_old_idx;
INSERT INTO audit_log (message) VALUES ('reindexed orders');
