-- Remove an insats' fokusområden before they are written anew.
-- Parameters: $insats_id.
delete from insats_fokusomraden
where insats_id = $insats_id
