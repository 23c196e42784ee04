SET lock_timeout = '5s';
DROP TRIGGER audit_users ON users;
