CREATE TABLE memberships (
  account_id int4 NOT NULL REFERENCES accounts (id),
  team_id int,
  CONSTRAINT memberships_team_fk FOREIGN KEY (team_id) REFERENCES teams (id)
);
ALTER TABLE orders
  ADD COLUMN coupon_id integer,
  ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;
