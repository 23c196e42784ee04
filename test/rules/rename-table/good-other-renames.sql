ALTER INDEX customers_email_idx RENAME TO customers_email_key;
ALTER TABLE customers RENAME COLUMN nick TO nickname;
