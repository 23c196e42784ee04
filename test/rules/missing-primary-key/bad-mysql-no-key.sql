-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE page_views (page_id BIGINT UNSIGNED NOT NULL, viewed_at DATETIME NOT NULL, KEY page_views_page (page_id)) ENGINE=InnoDB;
