-- Remove an insats' partners before they are written anew.
-- Parameters: $insats_id.
delete from insats_partner
where insats_id = $insats_id
