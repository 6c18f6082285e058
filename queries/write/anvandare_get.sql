-- One account by its user name, with its password hash, for sign-in and role checks.
-- Grain: one row (none for an unknown name). Parameters: $anvandarnamn.
select
    anvandarnamn,
    namn,
    e_post,
    roll,
    losenord_hash,
    aktiv
from anvandare
where anvandarnamn = $anvandarnamn
