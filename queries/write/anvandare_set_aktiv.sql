-- Switch an account on or off; an inactive account cannot sign in or write.
-- Parameters: $anvandarnamn, $aktiv.
update anvandare
set aktiv = $aktiv
where anvandarnamn = $anvandarnamn
