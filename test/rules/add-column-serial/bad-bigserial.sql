ALTER TABLE events ADD COLUMN sequence_number bigserial;
