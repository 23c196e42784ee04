-- A UNIQUE key over NOT NULL columns identifies rows, but is not the replica identity by default.
CREATE TABLE verification_tokens (
  identifier text NOT NULL,
  token text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL
);

CREATE TABLE room_members (
  room_id text NOT NULL,
  user_id text NOT NULL
);
CREATE UNIQUE INDEX room_members_room_user_idx ON room_members (room_id, user_id);
