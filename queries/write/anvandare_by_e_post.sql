-- The account with an e-mail address (compared without case), for OIDC sign-in.
-- Grain: one row (none when no account has it). Parameters: $e_post.
select
    anvandarnamn,
    namn,
    e_post,
    roll,
    aktiv
from anvandare
where lower(e_post) = lower($e_post)
order by aktiv desc, anvandarnamn asc
limit 1
