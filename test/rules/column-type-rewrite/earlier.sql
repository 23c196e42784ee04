CREATE TABLE prices (id bigint PRIMARY KEY, amount integer NOT NULL, label varchar(50));
