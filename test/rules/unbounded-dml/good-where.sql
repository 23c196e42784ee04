UPDATE users SET plan = 'free' WHERE plan IS NULL AND id BETWEEN 1 AND 10000;
DELETE FROM sessions WHERE expires_at < now();
