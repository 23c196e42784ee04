CREATE TABLE documents (id bigint PRIMARY KEY, body jsonb NOT NULL, labels text[]);
CREATE INDEX documents_body_idx ON documents USING gin (body jsonb_path_ops);
CREATE INDEX documents_status_idx ON documents ((body ->> 'status'));
CREATE INDEX documents_labels_idx ON documents USING gin (labels);
CREATE UNIQUE INDEX documents_body_unique_idx ON documents (body);
