CREATE TABLE owners (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE items (
  id int NOT NULL,
  owner_id int,
  price int,
  quantity int NOT NULL DEFAULT 0,
  name varchar(50) CHARACTER SET utf8mb4,
  status enum('new', 'paid'),
  PRIMARY KEY (id),
  KEY items_owner (owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, body text) ENGINE=InnoDB;
