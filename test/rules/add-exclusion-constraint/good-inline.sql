CREATE TABLE reservations (room_id bigint, during tstzrange, EXCLUDE USING gist (room_id WITH =, during WITH &&));
