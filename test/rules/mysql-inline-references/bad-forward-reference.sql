-- sqlsight-test: dialect=mysql version=8.0.28 workspace
-- `folders` is created after `ciphers`: a real foreign key to it would be refused there, so no fix.
CREATE TABLE ciphers (
  uuid CHAR(36) NOT NULL PRIMARY KEY,
  folder_uuid CHAR(36) REFERENCES folders (uuid)
);
CREATE TABLE folders (uuid CHAR(36) NOT NULL PRIMARY KEY);
