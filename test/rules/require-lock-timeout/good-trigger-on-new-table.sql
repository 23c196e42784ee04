CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
CREATE TRIGGER audit_log_touch BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION touch();
DROP TRIGGER audit_log_touch ON audit_log;
