CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
INSERT INTO audit_log (message) VALUES ('indexed');
UPDATE users SET nickname = name WHERE id < 1000;
