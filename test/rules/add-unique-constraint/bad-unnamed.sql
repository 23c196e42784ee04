ALTER TABLE public.memberships ADD UNIQUE (team_id, user_id);
