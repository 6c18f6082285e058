-- Log one changed field: who, when (UTC), what was done, to which row, old and new value as text.
-- Parameters: $tid, $anvandare, $handling, $tabell, $rad_id, $falt, $gammalt_varde, $nytt_varde,
-- $kommentar. The id is the next after the highest; writes run one transaction at a time per row.
insert into audit (
    audit_id, tid, anvandare, handling, tabell, rad_id, falt, gammalt_varde, nytt_varde, kommentar
)
select
    coalesce(max(audit_id), 0) + 1 as audit_id,
    $tid as tid,
    $anvandare as anvandare,
    $handling as handling,
    $tabell as tabell,
    $rad_id as rad_id,
    $falt as falt,
    $gammalt_varde as gammalt_varde,
    $nytt_varde as nytt_varde,
    $kommentar as kommentar
from audit
