-- One indicator in one year for each of the 14 statistikområden, with the city value beside it.
-- Grain: one row per statistikområde. Parameters: $indikator (indikator_kod), $ar (year).
with city as (
    select varde as stadens_varde
    from indikatorvarden
    where indikator_kod = $indikator and ar = $ar and omrade_kod = '0'
)

select
    o.omrade_kod,
    o.namn,
    v.varde,
    v.kalla,
    city.stadens_varde
from omraden as o
left join indikatorvarden as v
    on o.omrade_kod = v.omrade_kod and v.indikator_kod = $indikator and v.ar = $ar
left join city on true
where o.niva = 'statistikomrade'
order by o.ordning
