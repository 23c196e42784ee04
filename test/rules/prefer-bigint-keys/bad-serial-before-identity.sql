-- sqlsight-test: version=9.6
CREATE TABLE events (id smallserial PRIMARY KEY, payload jsonb);
