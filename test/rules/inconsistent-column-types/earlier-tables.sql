CREATE TABLE accounts (id bigint PRIMARY KEY, account_uuid uuid NOT NULL, created_at timestamptz NOT NULL, payload jsonb);
CREATE TABLE projects (id bigint PRIMARY KEY, account_uuid uuid NOT NULL, created_at timestamptz NOT NULL);
