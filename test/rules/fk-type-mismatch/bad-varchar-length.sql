CREATE TABLE countries (code varchar(3) PRIMARY KEY);
CREATE TABLE cities (id bigint PRIMARY KEY, country_code varchar(2) NOT NULL);
ALTER TABLE cities ADD CONSTRAINT cities_country_code_fkey FOREIGN KEY (country_code) REFERENCES countries (code);
CREATE INDEX cities_country_code_idx ON cities (country_code);
