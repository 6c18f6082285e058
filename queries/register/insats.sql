-- One insats as an editor sees it: every stored field and its version, its primary and other
-- fokusområden, the områden it runs in and its partners (nämnder by code, others by name), from the
-- build's view v_insats_full. Grain: one row (none for an unknown id). Lists are null when empty.
-- Parameters: $insats_id.
select
    insats_id,
    namn,
    beskrivning,
    namnd_kod,
    finansiering_kod,
    tilldelning_id,
    belopp_kr,
    startdatum,
    slutdatum,
    status,
    typ,
    malgrupp,
    hela_staden,
    kalla,
    version,
    fokus_kod,
    sekundara_fokus,
    omraden,
    partner_namnder,
    partner_externa
from v_insats_full
where insats_id = $insats_id
