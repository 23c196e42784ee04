CREATE TABLE memberships (
  account_id bigint NOT NULL REFERENCES accounts (id),
  team_id bigint,
  CONSTRAINT memberships_team_fk FOREIGN KEY (team_id) REFERENCES teams (id)
);
ALTER TABLE orders
  ADD COLUMN coupon_id bigint,
  ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;
