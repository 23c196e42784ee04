-- DANGEROUS: `utf8` is utf8mb3, which cannot store emoji or other 4-byte characters, and the
-- dropped column is gone for the code that still reads it.
ALTER TABLE `customers` ADD COLUMN `nickname` VARCHAR(50) CHARACTER SET utf8 NULL, ALGORITHM=INSTANT;
ALTER TABLE `customers` DROP COLUMN `legacy_code`, ALGORITHM=INPLACE, LOCK=NONE;
