BEGIN;
CREATE TABLE profiles (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE INDEX profiles_user_idx ON profiles (user_id);
ALTER TABLE profiles ADD COLUMN bio text;
INSERT INTO profiles (id, user_id) SELECT id, id FROM users;
COMMIT;
