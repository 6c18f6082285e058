-- The indicator values of the 14 statistikområden (not Malmö as a whole, not delområden), every year,
-- for the effect signal. Grain: one row per indikator, statistikområde and år. Parameters: none.
select
    v.indikator_kod,
    v.omrade_kod,
    v.ar,
    v.varde,
    v.kalla
from indikatorvarden as v
inner join omraden as o on v.omrade_kod = o.omrade_kod
where o.niva = 'statistikomrade' and v.varde is not null
order by v.indikator_kod, o.ordning, v.ar
