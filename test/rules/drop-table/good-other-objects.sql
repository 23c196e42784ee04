DROP VIEW active_users;
DROP INDEX CONCURRENTLY users_email_idx;
DROP SEQUENCE legacy_seq;
