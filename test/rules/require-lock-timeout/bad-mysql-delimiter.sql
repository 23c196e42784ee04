-- sqlsight-test: dialect=mysql version=8.0.28
DELIMITER $$
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW BEGIN SET NEW.updated_at = NOW(); END$$
DELIMITER ;
