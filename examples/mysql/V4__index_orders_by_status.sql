-- DANGEROUS: without ALGORITHM and LOCK the server picks how to run this ALTER; a change that
-- cannot run in place silently falls back to a blocking table copy instead of failing.
ALTER TABLE `orders` ADD INDEX `idx_orders_status` (`status`);
