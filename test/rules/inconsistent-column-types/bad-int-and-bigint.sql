-- `user_id` is bigint in two tables and integer in a third; on a tie the first definition sets the convention.
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE TABLE payments (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE TABLE invoices (id bigint PRIMARY KEY, user_id integer NOT NULL);

CREATE TABLE reviews (id bigint PRIMARY KEY, rating numeric(3, 1));
CREATE TABLE ratings (id bigint PRIMARY KEY, rating real);
