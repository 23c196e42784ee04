-- Partitions take the parent's key; views, CREATE TABLE AS, LIKE and temporary tables are not judged.
CREATE TABLE measurements (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  value numeric NOT NULL,
  PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE VIEW recent_measurements AS SELECT * FROM measurements WHERE taken_on > now() - interval '7 days';

CREATE TABLE measurement_copy AS SELECT * FROM measurements;

CREATE TABLE measurement_template (LIKE measurements INCLUDING ALL);

CREATE TEMPORARY TABLE scratch (value numeric);
