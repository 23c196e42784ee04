REINDEX (VERBOSE) TABLE public.users;
