-- One insats as an editor sees it: every stored field and its version, its primary and other
-- fokusområden, the områden it runs in, its partners (nämnder by code, others by name), from the
-- build's view v_insats_full, and the target indicators an editor chose (insats_malindikatorer).
-- Grain: one row (none for an unknown id). Lists are null when empty.
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
    partner_externa,
    (
        select list(m.indikator_kod order by m.indikator_kod)
        from insats_malindikatorer as m
        where m.insats_id = v_insats_full.insats_id
    ) as malindikatorer
from v_insats_full
where insats_id = $insats_id
