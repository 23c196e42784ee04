-- sqlsight-test: version=9.6
CREATE TABLE events (id bigserial PRIMARY KEY, payload jsonb);
