DROP TABLE legacy_sessions;
