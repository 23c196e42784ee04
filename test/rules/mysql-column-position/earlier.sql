CREATE TABLE orders (id int NOT NULL PRIMARY KEY, total_cents int NOT NULL) ENGINE=InnoDB;
