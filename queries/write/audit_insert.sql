-- Log changed fields, one row each, all by one user at one time with one comment (an import names its
-- file and checksum there; a form's write logs one field per row); ids follow the highest in use, in
-- list order. Grain: one row per element of the lists.
-- Parameters: $tid, $anvandare, $handling, $kommentar, $tabell_list, $rad_id_list, $falt_list,
-- $gammalt_varde_list, $nytt_varde_list.
with rader as (
    select
        unnest(range(1, len(cast($rad_id_list as varchar[])) + 1)) as nr,
        unnest(cast($tabell_list as varchar[])) as tabell,
        unnest(cast($rad_id_list as varchar[])) as rad_id,
        unnest(cast($falt_list as varchar[])) as falt,
        unnest(cast($gammalt_varde_list as varchar[])) as gammalt_varde,
        unnest(cast($nytt_varde_list as varchar[])) as nytt_varde
),

hogst as (
    select coalesce(max(audit_id), 0) as audit_id
    from audit
)

insert into audit (
    audit_id, tid, anvandare, handling, tabell, rad_id, falt, gammalt_varde, nytt_varde, kommentar
)
select
    hogst.audit_id + rader.nr as audit_id,
    $tid as tid,
    $anvandare as anvandare,
    $handling as handling,
    rader.tabell,
    rader.rad_id,
    rader.falt,
    rader.gammalt_varde,
    rader.nytt_varde,
    $kommentar as kommentar
from rader
cross join hogst
