-- sqlsight-test: dialect=mysql version=8.0.28
ALTER TABLE events ADD COLUMN sequence_number bigint NOT NULL AUTO_INCREMENT UNIQUE, ALGORITHM=INPLACE, LOCK=SHARED;
