-- Every insats in full: every stored column and its version, its primary and other fokusområden, the
-- områden it runs in and its partners (nämnder by code, others by name). Lists are sorted (områden as
-- numbers) and null when empty. Read by the register (one insats), an import's comparison with the
-- store and the full export, so that the three see an insats alike.
-- Grain: one row per insats.
create view v_insats_full as
with fokus as (
    select
        insats_id,
        any_value(fokus_kod) filter (where primar) as fokus_kod,
        list(fokus_kod order by fokus_kod) filter (where not primar) as sekundara_fokus
    from insats_fokusomraden
    group by insats_id
),

omr as (
    select
        insats_id,
        list(omrade_kod order by try_cast(omrade_kod as integer), omrade_kod) as omraden
    from insats_omraden
    group by insats_id
),

partner as (
    select
        insats_id,
        list(namnd_kod order by namnd_kod) filter (where partner_typ = 'namnd') as partner_namnder,
        list(partner_namn order by partner_namn) filter (
            where partner_typ = 'extern'
        ) as partner_externa
    from insats_partner
    group by insats_id
)

select
    i.insats_id,
    i.namn,
    i.beskrivning,
    i.namnd_kod,
    i.finansiering_kod,
    i.tilldelning_id,
    i.belopp_kr,
    i.startdatum,
    i.slutdatum,
    i.status,
    i.typ,
    i.malgrupp,
    i.hela_staden,
    i.kalla,
    i.version,
    i.seed_rad,
    fokus.fokus_kod,
    fokus.sekundara_fokus,
    omr.omraden,
    partner.partner_namnder,
    partner.partner_externa
from insatser as i
left join fokus on i.insats_id = fokus.insats_id
left join omr on i.insats_id = omr.insats_id
left join partner on i.insats_id = partner.insats_id
