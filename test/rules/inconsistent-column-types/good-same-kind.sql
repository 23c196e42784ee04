-- Text types and lengths, different kinds of value under a generic name, enums, and `id` are not compared.
CREATE TYPE order_status AS ENUM ('open', 'paid');
CREATE TYPE ticket_status AS ENUM ('new', 'closed');

CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100) NOT NULL, user_ref text);
CREATE TABLE teams (id integer PRIMARY KEY, name text NOT NULL, user_ref varchar(64));
CREATE TABLE orders (id uuid PRIMARY KEY, status order_status NOT NULL, amount numeric(12, 2));
CREATE TABLE tickets (id bigint PRIMARY KEY, status ticket_status NOT NULL, amount numeric(10, 2));
CREATE TABLE jobs (id bigint PRIMARY KEY, status integer NOT NULL);
CREATE TABLE exports (id bigint PRIMARY KEY, status text NOT NULL);
