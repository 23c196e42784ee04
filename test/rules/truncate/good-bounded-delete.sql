DELETE FROM audit_log WHERE created_at < now() - interval '90 days';
