-- Insatser as the full export gives them: every stored column, then their fokusområden, områden and
-- partners as lists (the export writes each as one cell that the import reads back item for item).
-- Grain: one row per insats (the build's view v_insats_full). Parameters: none.
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
    seed_rad,
    fokus_kod,
    sekundara_fokus,
    omraden,
    partner_namnder,
    partner_externa
from v_insats_full
order by insats_id
