CREATE TABLE imports (id bigint NOT NULL, payload jsonb);
ALTER TABLE imports ADD PRIMARY KEY (id);
