ALTER TABLE events ADD COLUMN uid bigint;
CREATE UNIQUE INDEX CONCURRENTLY events_uid_key ON events (uid);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_uid_key;
