-- sqlsight-test: dialect=mysql version=8.0.28
UPDATE users JOIN plans ON plans.id = users.plan_id SET users.plan_name = plans.name;
DELETE sessions FROM sessions INNER JOIN users ON users.id = sessions.user_id;
UPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000;
CREATE TABLE staging (id bigint, state varchar(10));
UPDATE staging SET state = 'new';
