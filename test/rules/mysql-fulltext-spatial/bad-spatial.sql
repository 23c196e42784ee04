-- sqlsight-test: dialect=mariadb version=10.11 earlier=earlier.sql
ALTER TABLE places ADD SPATIAL INDEX places_location (location);
