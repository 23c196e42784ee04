DROP VIEW reporting.daily_totals;
DROP TABLE IF EXISTS reporting.daily_totals_old;
