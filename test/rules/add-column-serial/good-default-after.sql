ALTER TABLE events ADD COLUMN sequence_number bigint;
CREATE SEQUENCE events_sequence_number_seq OWNED BY events.sequence_number;
ALTER TABLE events ALTER COLUMN sequence_number SET DEFAULT nextval('events_sequence_number_seq');
