-- Every insats as an import compares it: stored fields, version, fokusområden, områden, partners
-- (lists sorted, null when empty; the build's view v_insats_full) and the date of its latest status move.
-- Grain: one row per insats. Parameters: none.
with senast as (
    select
        insats_id,
        max(datum) as senaste_statusdatum
    from statushistorik
    group by insats_id
)

select
    v.insats_id,
    v.namn,
    v.beskrivning,
    v.namnd_kod,
    v.finansiering_kod,
    v.tilldelning_id,
    v.belopp_kr,
    v.startdatum,
    v.slutdatum,
    v.status,
    v.typ,
    v.malgrupp,
    v.hela_staden,
    v.kalla,
    v.version,
    v.fokus_kod,
    v.sekundara_fokus,
    v.omraden,
    v.partner_namnder,
    v.partner_externa,
    senast.senaste_statusdatum
from v_insats_full as v
left join senast on v.insats_id = senast.insats_id
order by v.insats_id
