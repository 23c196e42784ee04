CREATE TABLE items (id int NOT NULL PRIMARY KEY, price int, quantity int NOT NULL DEFAULT 0, name varchar(50)) ENGINE=InnoDB;
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, body text) ENGINE=InnoDB;
