-- sqlsight-test: earlier=earlier.sql
CREATE INDEX CONCURRENTLY orders_state_idx ON orders (state);
CREATE INDEX CONCURRENTLY orders_lower_state_idx ON orders (lower(state)) WHERE state <> 'done';
