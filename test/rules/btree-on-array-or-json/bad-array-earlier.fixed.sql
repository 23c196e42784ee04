-- sqlsight-test: earlier=earlier.sql
CREATE INDEX CONCURRENTLY posts_tags_idx ON posts USING gin (tags);
