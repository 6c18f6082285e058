-- The insatser one nämnd leads or is a partner in, for the sidebar filters ($ar, $finansiering, $fokus).
-- Grain: one row per insats and role. Parameters: $namnd (namnd_kod) and the filter lists.
with shown as (
    select v.*
    from v_insatser as v
    where
        (len($ar) = 0 or list_contains($ar, v.ar))
        and (len($finansiering) = 0 or list_contains($finansiering, v.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, v.fokus_kod))
)

select
    s.insats_id,
    s.namn,
    case when s.namnd_kod = $namnd then 'leder' else 'partner' end as roll,
    lead_namnd.kortnamn as leds_av,
    s.status,
    s.fokus_kod,
    fo.namn_sv as fokus_sv,
    fo.namn_en as fokus_en,
    s.belopp_kr,
    s.startdatum,
    s.slutdatum,
    s.kalla
from shown as s
inner join namnder as lead_namnd on s.namnd_kod = lead_namnd.namnd_kod
left join fokusomraden as fo on s.fokus_kod = fo.fokus_kod
where
    s.namnd_kod = $namnd
    or exists (
        select 1
        from insats_partner as p
        where p.insats_id = s.insats_id and p.namnd_kod = $namnd
    )
order by roll asc, s.startdatum desc, s.insats_id asc
