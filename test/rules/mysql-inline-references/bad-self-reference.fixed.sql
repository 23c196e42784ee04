-- sqlsight-test: dialect=mysql version=8.0.28 workspace
CREATE TABLE users (uuid CHAR(36) NOT NULL PRIMARY KEY);
CREATE TABLE ciphers (
  uuid CHAR(36) NOT NULL PRIMARY KEY,
  user_uuid CHAR(36) NOT NULL,
  parent_uuid CHAR(36),
  FOREIGN KEY (parent_uuid) REFERENCES ciphers (uuid),
  FOREIGN KEY (user_uuid) REFERENCES users (uuid)
);
