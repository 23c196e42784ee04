-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE order_items (
  id BIGINT NOT NULL AUTO_INCREMENT,
  order_id BIGINT NOT NULL,
  `product_id` BIGINT NULL, -- the catalogue
  quantity INT NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  KEY order_items_order (order_id),
  FOREIGN KEY (`product_id`) REFERENCES `products` (`id`),
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
