CREATE TABLE subscription_adjustments (
  id bigint PRIMARY KEY,
  "Größenänderung" text,
  -- exactly 63 bytes: kept whole
  abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefgh text
);
