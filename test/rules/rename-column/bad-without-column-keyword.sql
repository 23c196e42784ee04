ALTER TABLE public.users RENAME email TO email_address;
