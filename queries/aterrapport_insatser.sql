-- The insatser an återrapport accounts for: those paid from the chosen funding sources whose allocation
-- (tilldelning) is of the chosen years, with the allocation line they draw on, their areas, their latest
-- counted reach and latest effect judgement (with date, basis and source), and the move to their current
-- status when it is avbruten or avslutad (date, reason and source). Insatser without an allocation are
-- not in it.
-- Grain: one row per insats, in the allocation lines' document order, then by insats_id.
-- Parameters: $ar, $finansiering (lists; empty means all).
with platser as (
    select
        io.insats_id,
        string_agg(o.namn, '; ' order by o.ordning) as omraden
    from insats_omraden as io
    inner join omraden as o on io.omrade_kod = o.omrade_kod
    group by io.insats_id
),

rackvidder as (
    -- The latest follow-up that counted its reach.
    select
        u.insats_id,
        u.rackvidd,
        u.datum as rackvidd_datum,
        row_number() over (partition by u.insats_id order by u.datum desc, u.uppfoljning_id desc) as nr
    from uppfoljningar as u
    where u.rackvidd is not null
),

effekter as (
    -- The latest follow-up that judged the effect.
    select
        u.insats_id,
        u.effekt,
        u.datum as effekt_datum,
        u.underlag,
        u.kalla as effekt_kalla,
        row_number() over (partition by u.insats_id order by u.datum desc, u.uppfoljning_id desc) as nr
    from uppfoljningar as u
    where u.effekt is not null
),

antal as (
    select
        u.insats_id,
        count(*) as n_uppfoljningar
    from uppfoljningar as u
    group by u.insats_id
),

flyttar as (
    -- Each insats' latest move to avbruten or avslutad.
    select
        h.insats_id,
        h.till_status,
        h.datum as stopp_datum,
        h.anledning as stopp_anledning,
        h.kalla as stopp_kalla,
        row_number() over (partition by h.insats_id, h.till_status order by h.datum desc, h.tid desc nulls last) as nr
    from statushistorik as h
    where h.till_status in ('avbruten', 'avslutad')
)

select
    i.insats_id,
    i.namn,
    i.namnd_kod,
    n.namn as namnd,
    n.namn_en as namnd_en,
    n.kortnamn,
    n.kortnamn_en,
    i.finansiering_kod,
    i.tilldelning_id,
    t.ar,
    t.mottagare_text,
    t.kalla as tilldelning_kalla,
    t.dokument_rad as tilldelning_rad,
    i.belopp_kr,
    i.startdatum,
    i.slutdatum,
    i.status,
    i.hela_staden,
    platser.omraden,
    i.kalla,
    coalesce(antal.n_uppfoljningar, 0) as n_uppfoljningar,
    r.rackvidd,
    r.rackvidd_datum,
    e.effekt,
    e.effekt_datum,
    e.underlag,
    e.effekt_kalla,
    f.stopp_datum,
    f.stopp_anledning,
    f.stopp_kalla
from insatser as i
inner join tilldelningar as t on i.tilldelning_id = t.tilldelning_id
inner join namnder as n on i.namnd_kod = n.namnd_kod
left join platser on i.insats_id = platser.insats_id
left join rackvidder as r on i.insats_id = r.insats_id and r.nr = 1
left join effekter as e on i.insats_id = e.insats_id and e.nr = 1
left join antal on i.insats_id = antal.insats_id
left join flyttar as f on i.insats_id = f.insats_id and i.status = f.till_status and f.nr = 1
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
order by t.dokument_rad, i.insats_id
