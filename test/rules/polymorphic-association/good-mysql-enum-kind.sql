-- sqlsight-test: dialect=mysql version=8.0.28
-- The ENUM names kinds, not tables.
CREATE TABLE templates (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, template_type ENUM('PUBLIC', 'PRIVATE') NOT NULL, template_id BIGINT UNSIGNED NOT NULL);
