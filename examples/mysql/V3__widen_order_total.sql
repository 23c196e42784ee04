-- DANGEROUS: orders already holds data. Changing a column's type makes InnoDB copy the whole
-- table row by row (ALGORITHM=COPY), and inserts, updates and deletes wait for the copy.
ALTER TABLE `orders` MODIFY `total_cents` BIGINT NOT NULL;
