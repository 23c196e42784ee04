CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200), body text, summary text) ENGINE=InnoDB;
CREATE TABLE searchable (id int NOT NULL PRIMARY KEY, body text, rating int, FULLTEXT KEY searchable_body (body)) ENGINE=InnoDB;
CREATE TABLE places (id int NOT NULL PRIMARY KEY, location geometry NOT NULL, label varchar(40)) ENGINE=InnoDB;
