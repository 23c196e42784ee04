DROP TRIGGER audit_users ON users;
