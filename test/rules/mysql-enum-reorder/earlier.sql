CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  status enum('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  flags set('gift', 'rush')
) ENGINE=InnoDB;
