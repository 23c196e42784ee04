-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE order_items (
  id BIGINT NOT NULL AUTO_INCREMENT,
  order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  `product_id` BIGINT NULL REFERENCES `products` (`id`), -- the catalogue
  quantity INT NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  KEY order_items_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
