-- sqlsight-test: dialect=mysql version=8.0.28
CREATE TABLE people (id INT NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL, bio TEXT, KEY people_email_prefix (email(20)), KEY people_email (email), FULLTEXT KEY people_bio (bio), KEY people_bio_prefix (bio(50)));
CREATE UNIQUE INDEX people_email_unique ON people (email);
-- The table exists: IF NOT EXISTS creates nothing, so its keys duplicate nothing.
CREATE TABLE IF NOT EXISTS people (id INT NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL, KEY people_email_again (email));
