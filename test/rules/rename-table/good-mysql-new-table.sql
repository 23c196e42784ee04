-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE drafts (id bigint);
RENAME TABLE drafts TO draft_documents;
ALTER TABLE draft_documents RENAME TO documents;
ALTER TABLE users RENAME INDEX users_email TO users_email_idx;
