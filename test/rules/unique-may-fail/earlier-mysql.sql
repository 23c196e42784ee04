CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(320) NOT NULL,
  handle varchar(40),
  nickname varchar(80),
  born_on date,
  UNIQUE KEY users_email_key (email)
);
