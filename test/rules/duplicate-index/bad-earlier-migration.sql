-- sqlsight-test: earlier=earlier.sql
CREATE INDEX CONCURRENTLY orders_state_again_idx ON orders USING btree (state) WHERE state <> 'done';
