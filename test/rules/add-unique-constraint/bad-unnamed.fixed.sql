CREATE UNIQUE INDEX CONCURRENTLY memberships_team_id_user_id_key ON public.memberships (team_id, user_id);
ALTER TABLE public.memberships ADD CONSTRAINT memberships_team_id_user_id_key UNIQUE USING INDEX memberships_team_id_user_id_key;
