-- migrate:up transaction:false
BEGIN;
CREATE TABLE teams (id bigint PRIMARY KEY);
COMMIT;

-- migrate:down
DROP TABLE teams;
