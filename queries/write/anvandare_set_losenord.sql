-- Replace an account's password hash.
-- Parameters: $anvandarnamn, $losenord_hash (argon2).
update anvandare
set losenord_hash = $losenord_hash
where anvandarnamn = $anvandarnamn
