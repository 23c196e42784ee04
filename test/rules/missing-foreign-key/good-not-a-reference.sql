-- Not references the model can confirm: the table's own key, a one-to-one key, an unknown table,
-- a type no key of the named table has, arrays, composite foreign keys.
CREATE TABLE users (user_id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE user_profiles (user_id bigint PRIMARY KEY, bio text);
CREATE TABLE payments (
  id bigint PRIMARY KEY,
  stripe_customer_id text NOT NULL,
  external_id text,
  legacy_user_id text
);
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id text NOT NULL);
CREATE TABLE teams (id bigint PRIMARY KEY, org_id bigint NOT NULL, UNIQUE (org_id, id));
CREATE TABLE team_members (
  team_id bigint NOT NULL,
  org_id bigint NOT NULL,
  member_ids bigint[],
  PRIMARY KEY (team_id, org_id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)
);
