-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE users
  ADD COLUMN login_count int NOT NULL,
  ADD COLUMN plan varchar(20) NOT NULL,
  ADD COLUMN status enum('active', 'banned') NOT NULL,
  ADD COLUMN payload json NOT NULL;
