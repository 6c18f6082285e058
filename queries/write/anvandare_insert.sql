-- Add one account.
-- Parameters: $anvandarnamn, $namn, $e_post, $roll, $losenord_hash (argon2, or null for OIDC).
insert into anvandare (anvandarnamn, namn, e_post, roll, losenord_hash, aktiv)
values ($anvandarnamn, $namn, $e_post, $roll, $losenord_hash, true)
