CREATE TABLE legacy_orders (id integer PRIMARY KEY, user_id integer NOT NULL);
