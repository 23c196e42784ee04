CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  "Nickname" character varying(40),
  tags varchar(20)[]
);
