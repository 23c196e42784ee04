-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE memberships (team_id BIGINT UNSIGNED NOT NULL, user_id BIGINT UNSIGNED NOT NULL, PRIMARY KEY (team_id, user_id));
ALTER TABLE memberships ADD INDEX memberships_team (team_id);
