-- Serial and identity columns are reported by add-column-serial, not here.
ALTER TABLE users ADD COLUMN sequence_number bigserial;
