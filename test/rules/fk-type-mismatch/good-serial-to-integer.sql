CREATE TABLE teams (id serial PRIMARY KEY);
CREATE TABLE players (id serial PRIMARY KEY, team_id integer REFERENCES teams (id));
CREATE INDEX players_team_id_idx ON players (team_id);
