-- Accounts that may edit (redaktor) or also manage users (admin); readers need no account.
-- Grain: one row per account. `losenord_hash` (argon2) is null for accounts that sign in with OIDC,
-- matched by `e_post`. Starts empty: accounts are added with `python -m lokalutveckling user add`.
create table anvandare (
    anvandarnamn varchar not null,
    namn varchar not null,
    e_post varchar,
    roll varchar not null,
    losenord_hash varchar,
    aktiv boolean not null default true
)
