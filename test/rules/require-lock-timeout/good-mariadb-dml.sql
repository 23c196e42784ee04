-- sqlsight-test: dialect=mariadb version=10.11
UPDATE users SET plan = 'free' WHERE plan IS NULL;
INSERT INTO plans (name) VALUES ('free');
CREATE TABLE imports (id bigint PRIMARY KEY);
ALTER TABLE imports ADD COLUMN source varchar(40);
