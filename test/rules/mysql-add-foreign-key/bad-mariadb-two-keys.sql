-- sqlsight-test: dialect=mariadb version=10.11
-- One statement copies the table once: one finding naming both referenced tables.
ALTER TABLE order_items
  ADD FOREIGN KEY (order_id) REFERENCES orders (id),
  ADD CONSTRAINT order_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
