-- The insatser register: one row per insats with everything a reader filters, sorts and reads on.
-- Sidebar filters as elsewhere ($ar, $finansiering, $fokus on the primary fokusområde, $namnder); page filters:
-- $sok (text in name, description or partner, or $sok_omraden: the areas it names, from
-- lokalutveckling/area_names.py, e.g. 'Rosengård' -> ['10']; '' = all), $statusar, $typer, $omraden (an insats for
-- hela staden matches every area), $malgrupper. Empty lists mean all.
-- Grain: one row per insats. `stoppanledning`: why an avbruten insats was stopped (from its status history);
-- `senaste_uppfoljning`: the date of its latest follow-up (null: none).
with fokus as (
    select
        f.insats_id,
        string_agg(fo.namn_sv, ', ' order by fo.ordning) filter (where not f.primar) as sekundara_sv,
        string_agg(fo.namn_en, ', ' order by fo.ordning) filter (where not f.primar) as sekundara_en
    from insats_fokusomraden as f
    inner join fokusomraden as fo on f.fokus_kod = fo.fokus_kod
    group by f.insats_id
),

platser as (
    select
        io.insats_id,
        list(io.omrade_kod order by o.ordning) as omrade_koder,
        string_agg(o.namn, '; ' order by o.ordning) as omraden
    from insats_omraden as io
    inner join omraden as o on io.omrade_kod = o.omrade_kod
    group by io.insats_id
),

partners as (
    select
        p.insats_id,
        string_agg(coalesce(n.kortnamn, p.partner_namn), ', ' order by p.partner_typ desc, n.ordning asc) as partner
    from insats_partner as p
    left join namnder as n on p.namnd_kod = n.namnd_kod
    group by p.insats_id
),

stopp as (
    -- Why an avbruten insats was stopped: the reason given with its latest move to avbruten.
    select
        h.insats_id,
        arg_max(h.anledning, h.datum) as stoppanledning
    from statushistorik as h
    where h.till_status = 'avbruten'
    group by h.insats_id
),

uppfoljda as (
    select
        u.insats_id,
        max(u.datum) as senaste_uppfoljning
    from uppfoljningar as u
    group by u.insats_id
)

select
    v.insats_id,
    v.namn,
    i.beskrivning,
    v.namnd_kod,
    n.kortnamn as namnd,
    v.finansiering_kod,
    fk.kortnamn as finansiering_sv,
    fk.kortnamn_en as finansiering_en,
    v.tilldelning_id,
    t.beslut_id,
    v.belopp_kr,
    v.startdatum,
    v.slutdatum,
    v.status,
    case when v.status = 'avbruten' then stopp.stoppanledning end as stoppanledning,
    uppfoljda.senaste_uppfoljning,
    v.typ,
    i.malgrupp,
    v.hela_staden,
    v.fokus_kod,
    fo.namn_sv as fokus_sv,
    fo.namn_en as fokus_en,
    fokus.sekundara_sv,
    fokus.sekundara_en,
    coalesce(platser.omrade_koder, []) as omrade_koder,
    platser.omraden,
    partners.partner,
    v.ar,
    v.kalla
from v_insatser as v
inner join insatser as i on v.insats_id = i.insats_id
inner join namnder as n on v.namnd_kod = n.namnd_kod
left join finansieringskallor as fk on v.finansiering_kod = fk.finansiering_kod
left join tilldelningar as t on v.tilldelning_id = t.tilldelning_id
left join fokusomraden as fo on v.fokus_kod = fo.fokus_kod
left join fokus on v.insats_id = fokus.insats_id
left join platser on v.insats_id = platser.insats_id
left join partners on v.insats_id = partners.insats_id
left join stopp on v.insats_id = stopp.insats_id
left join uppfoljda on v.insats_id = uppfoljda.insats_id
where
    (len($ar) = 0 or list_contains($ar, v.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, v.finansiering_kod))
    and (len($fokus) = 0 or list_contains($fokus, v.fokus_kod))
    and (len($namnder) = 0 or list_contains($namnder, v.namnd_kod))
    and (len($statusar) = 0 or list_contains($statusar, v.status))
    and (len($typer) = 0 or list_contains($typer, v.typ))
    and (len($malgrupper) = 0 or list_contains($malgrupper, i.malgrupp))
    and (
        len($omraden) = 0
        or v.hela_staden
        or len(list_intersect(coalesce(platser.omrade_koder, []), $omraden)) > 0
    )
    and (
        $sok = ''
        or contains(lower(v.namn), lower($sok))
        or contains(lower(coalesce(i.beskrivning, '')), lower($sok))
        or contains(lower(coalesce(partners.partner, '')), lower($sok))
        or len(list_intersect(coalesce(platser.omrade_koder, []), $sok_omraden)) > 0
    )
order by v.startdatum desc, v.insats_id asc
