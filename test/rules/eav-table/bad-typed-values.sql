-- One value column per type: still attributes as rows.
CREATE TABLE entity_values (
  entity_id bigint NOT NULL,
  attribute_id bigint NOT NULL,
  value_type text NOT NULL,
  value_text text,
  value_number numeric,
  value_date date,
  PRIMARY KEY (entity_id, attribute_id)
);
