-- sqlsight-test: earlier=earlier.sql
CREATE INDEX CONCURRENTLY posts_meta_idx ON posts (meta);
