-- sqlsight-test: dialect=mysql version=8.0.28 earlier=mysql-earlier.sql
ALTER TABLE orders ADD COLUMN placed_at DATETIME NULL, ADD INDEX orders_placed (placed_at);
ALTER TABLE orders CHANGE placed_at ordered_at DATETIME NULL;
ALTER TABLE customers MODIFY email VARCHAR(320) NOT NULL;
-- Another database: not managed by these migrations.
ALTER TABLE analytics.events ADD COLUMN note TEXT;
CREATE TABLE refunds (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, order_id BIGINT UNSIGNED NOT NULL, FOREIGN KEY (order_id) REFERENCES orders (id));
DROP TABLE IF EXISTS ghosts;
