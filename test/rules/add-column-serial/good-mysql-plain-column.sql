-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE events ADD COLUMN sequence_number bigint;
CREATE TABLE imports (name varchar(40));
ALTER TABLE imports ADD COLUMN id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY;
