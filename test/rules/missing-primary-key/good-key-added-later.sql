-- A schema dump adds every primary key after the CREATE TABLE statements.
CREATE TABLE public.accounts (
    id bigint NOT NULL,
    email text NOT NULL
);

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    account_id bigint NOT NULL
);

CREATE UNIQUE INDEX sessions_pkey ON public.sessions (id);

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

ALTER TABLE public.sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY USING INDEX sessions_pkey;
