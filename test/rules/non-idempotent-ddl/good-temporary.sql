-- A temporary table lives only as long as the session: a re-run starts without it.
CREATE TEMPORARY TABLE batch_ids (id bigint);
CREATE TEMP SEQUENCE batch_seq;
