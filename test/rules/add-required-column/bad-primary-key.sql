ALTER TABLE legacy_imports ADD COLUMN import_id uuid PRIMARY KEY;
