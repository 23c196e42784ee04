ALTER TABLE events
  ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  ADD COLUMN sample double precision DEFAULT (random() * 100);
