CREATE TABLE webhooks (id bigint PRIMARY KEY, body jsonb NOT NULL, attempts jsonb[]);
