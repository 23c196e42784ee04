-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE pairs (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));
-- (a) holds what (a, id) holds, but only (a, id) can serve the foreign key: InnoDB would refuse to drop it.
CREATE TABLE links (id INT NOT NULL PRIMARY KEY, a INT NOT NULL, KEY links_a (a), KEY links_a_id (a, id), FOREIGN KEY (a, id) REFERENCES pairs (a, b));
