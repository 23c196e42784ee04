CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) CHARACTER SET utf8mb4,
  title varchar(80) CHARACTER SET utf8mb3,
  code varchar(100) CHARACTER SET latin1,
  sku varchar(200) CHARACTER SET latin1,
  notes varchar(300) CHARACTER SET utf8mb4
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
