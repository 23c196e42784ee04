CREATE TABLE orders (id int NOT NULL PRIMARY KEY, placed_at datetime, total_cents int, note varchar(40), KEY orders_total (total_cents)) ENGINE=InnoDB;
