-- Every indicator's newest year for each of the 14 statistikområden, with its direction and source.
-- Grain: one row per indikator and statistikområde (varde null when that area lacks the year).
-- Parameters: $indikatorer (indikator_kod list; empty means all).
with newest as (
    select
        v.indikator_kod,
        max(v.ar) as ar
    from indikatorvarden as v
    inner join omraden as o on v.omrade_kod = o.omrade_kod
    where o.niva = 'statistikomrade' and (len($indikatorer) = 0 or list_contains($indikatorer, v.indikator_kod))
    group by v.indikator_kod
)

select
    i.indikator_kod,
    i.fokus_kod,
    i.hogre_ar_battre,
    n.ar,
    o.omrade_kod,
    o.namn,
    v.varde,
    v.kalla
from indikatorer as i
inner join newest as n on i.indikator_kod = n.indikator_kod
cross join omraden as o
left join indikatorvarden as v
    on i.indikator_kod = v.indikator_kod and n.ar = v.ar and o.omrade_kod = v.omrade_kod
where o.niva = 'statistikomrade'
order by i.ordning, o.ordning
