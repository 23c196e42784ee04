-- sqlsight-test: earlier=earlier-minority.sql
-- The earlier table is the odd one out now (it was judged when written): the new columns follow the majority.
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE TABLE payments (id bigint PRIMARY KEY, user_id bigint NOT NULL);
