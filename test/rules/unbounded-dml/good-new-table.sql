CREATE TABLE plans (id bigint PRIMARY KEY, name text);
INSERT INTO plans VALUES (1, 'free');
UPDATE plans SET name = lower(name);
DELETE FROM plans;
