-- Remove the chosen target indicators of the listed insatser (one from a form) before they are
-- written anew. Parameters: $insats_id_list.
delete from insats_malindikatorer
where insats_id in (select unnest(cast($insats_id_list as varchar[])))
