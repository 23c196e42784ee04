CREATE TABLE documents (id bigint PRIMARY KEY, body jsonb NOT NULL);
CREATE INDEX documents_body_idx ON documents USING gin (body);
