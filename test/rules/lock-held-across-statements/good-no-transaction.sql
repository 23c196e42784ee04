ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name;
ALTER TABLE users ADD COLUMN bio text;
