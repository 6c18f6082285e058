-- Remove an insats' områden before they are written anew.
-- Parameters: $insats_id.
delete from insats_omraden
where insats_id = $insats_id
