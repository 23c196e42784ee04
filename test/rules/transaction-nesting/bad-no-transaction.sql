ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
SAVEPOINT before_bio;
ALTER TABLE users ADD COLUMN bio text;
ROLLBACK;
