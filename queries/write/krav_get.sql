-- One återrapporteringskrav as an editor loads it: what is asked (for the form's heading) and the fields
-- an editor sets (status, senast, inlamnad_datum, anmarkning) with its version.
-- Grain: one row (none for an unknown id). Parameters: $krav_id.
select
    krav_id,
    finansiering_kod,
    ar,
    rapportor,
    mottagare,
    innehall,
    status,
    senast,
    inlamnad_datum,
    anmarkning,
    version
from aterrapporteringskrav
where krav_id = $krav_id
