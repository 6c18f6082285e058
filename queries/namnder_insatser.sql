-- Per nämnd: the insatser it leads (number, kronor, by status) and those it is a partner in, for the
-- sidebar filters ($ar, $finansiering, $fokus on the primary fokusområde, $namnder; empty lists mean all).
-- Grain: one row per nämnd that leads or partners in at least one insats shown.
with shown as (
    select
        v.insats_id,
        v.namnd_kod,
        v.belopp_kr,
        v.status
    from v_insatser as v
    where
        (len($ar) = 0 or list_contains($ar, v.ar))
        and (len($finansiering) = 0 or list_contains($finansiering, v.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, v.fokus_kod))
),

roles as (
    select
        namnd_kod,
        insats_id,
        belopp_kr,
        status,
        'leder' as roll
    from shown
    union all
    select
        p.namnd_kod,
        s.insats_id,
        s.belopp_kr,
        s.status,
        'partner' as roll
    from shown as s
    inner join insats_partner as p on s.insats_id = p.insats_id
    where p.namnd_kod is not null and p.namnd_kod <> s.namnd_kod
)

select
    n.namnd_kod,
    n.kortnamn,
    n.ordning,
    count(*) filter (where r.roll = 'leder') as n_leder,
    coalesce(sum(r.belopp_kr) filter (where r.roll = 'leder'), 0) as kr_leder,
    count(*) filter (where r.roll = 'partner') as n_partner,
    count(*) filter (where r.roll = 'leder' and r.status = 'föreslagen') as n_foreslagen,
    count(*) filter (where r.roll = 'leder' and r.status = 'beviljad') as n_beviljad,
    count(*) filter (where r.roll = 'leder' and r.status = 'pågående') as n_pagaende,
    count(*) filter (where r.roll = 'leder' and r.status = 'avslutad') as n_avslutad,
    count(*) filter (where r.roll = 'leder' and r.status = 'avbruten') as n_avbruten,
    count(*) filter (where r.roll = 'leder' and r.status = 'permanentad') as n_permanentad
from roles as r
inner join namnder as n on r.namnd_kod = n.namnd_kod
where len($namnder) = 0 or list_contains($namnder, r.namnd_kod)
group by n.namnd_kod, n.kortnamn, n.ordning
order by n.ordning
