-- The column's current type is not known to this file.
ALTER TABLE prices ALTER COLUMN amount TYPE bigint;
