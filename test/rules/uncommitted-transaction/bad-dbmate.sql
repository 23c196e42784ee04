-- migrate:up transaction:false
BEGIN;
CREATE TABLE teams (id bigint PRIMARY KEY);

-- migrate:down
DROP TABLE teams;
