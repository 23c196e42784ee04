-- dbmate wraps each section in a transaction.
-- migrate:up
CREATE TABLE audit_log (id bigint PRIMARY KEY, body jsonb);

-- migrate:down
DROP TABLE audit_log;
