-- Known attributes as columns, open-ended ones in jsonb.
CREATE TABLE product_details (
  product_id bigint PRIMARY KEY,
  color text,
  weight_grams integer,
  extra jsonb NOT NULL DEFAULT '{}'
);
