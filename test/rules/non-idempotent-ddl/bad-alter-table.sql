ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN legacy_flag;
ALTER TABLE users ADD bio text;
ALTER TABLE users DROP avatar_url CASCADE;
ALTER TABLE IF EXISTS app.users ADD COLUMN IF NOT EXISTS locale text, DROP COLUMN "Old Name";
