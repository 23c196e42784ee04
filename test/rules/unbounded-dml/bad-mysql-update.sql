-- sqlsight-test: dialect=mysql version=8.0.28
UPDATE users SET plan = 'free';
DELETE FROM sessions;
UPDATE users LEFT JOIN plans ON plans.id = users.plan_id SET users.plan_name = plans.name;
