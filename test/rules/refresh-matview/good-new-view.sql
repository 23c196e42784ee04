CREATE MATERIALIZED VIEW weekly_totals AS SELECT date_trunc('week', created_at) AS week, sum(total) AS total FROM orders GROUP BY 1 WITH NO DATA;
REFRESH MATERIALIZED VIEW weekly_totals;
