-- The candidate target indicators of an insats (issue 17): those an editor chose for it (urval 'vald', from
-- insats_malindikatorer) and those of its fokusområden (urval 'fokus'); the caller takes the chosen ones
-- when there are any (agenda2030.target_indicators).
-- Grain: one row per urval and indikator. Parameters: $insats_id.
select
    'vald' as urval,
    m.indikator_kod,
    i.ordning
from insats_malindikatorer as m
inner join indikatorer as i on m.indikator_kod = i.indikator_kod
where m.insats_id = $insats_id
union all
select distinct
    'fokus' as urval,
    i.indikator_kod,
    i.ordning
from insats_fokusomraden as f
inner join indikatorer as i on f.fokus_kod = i.fokus_kod
where f.insats_id = $insats_id
order by urval desc, ordning asc
