-- The accounts for the admin's user list: never the password hash, only whether one is set.
-- Grain: one row per account. Parameters: none.
select
    anvandarnamn,
    namn,
    e_post,
    roll,
    aktiv,
    losenord_hash is not null as har_losenord
from anvandare
order by aktiv desc, anvandarnamn asc
