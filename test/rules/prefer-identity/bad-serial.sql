CREATE TABLE events (
  id bigserial PRIMARY KEY,
  position serial NOT NULL,
  retries smallserial
);
