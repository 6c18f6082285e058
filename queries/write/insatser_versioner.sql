-- The stored version of each of the insatser in $insats_id_list: read back after an update, whose
-- version check (version = the one read) leaves an insats someone else saved meanwhile unchanged.
-- Grain: one row per insats found. Parameters: $insats_id_list.
select
    insats_id,
    version
from insatser
where insats_id in (select unnest(cast($insats_id_list as varchar[])))
