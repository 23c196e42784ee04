-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL,
  name VARCHAR(100),
  PRIMARY KEY (id),
  UNIQUE KEY users_email (email),
  KEY users_name (name)
) ENGINE=InnoDB;
