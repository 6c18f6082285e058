-- Give an account another role.
-- Parameters: $anvandarnamn, $roll.
update anvandare
set roll = $roll
where anvandarnamn = $anvandarnamn
