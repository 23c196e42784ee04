-- sqlsight-test: dialect=mysql version=8.0.28
RENAME TABLE customers TO accounts, orders TO purchases;
