-- DANGEROUS: with foreign_key_checks on, adding a foreign key copies orders and checks every row
-- while writes to it wait.
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`);
