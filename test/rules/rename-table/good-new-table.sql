CREATE TABLE drafts (id bigint);
ALTER TABLE drafts RENAME TO draft_documents;
