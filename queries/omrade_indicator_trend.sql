-- One indicator over the years for one område and for Malmö as a whole.
-- Grain: one row per year and place. Parameters: $omrade (omrade_kod), $indikator (indikator_kod).
select
    v.ar,
    v.omrade_kod,
    v.varde,
    v.kalla
from indikatorvarden as v
where v.indikator_kod = $indikator and v.omrade_kod in ($omrade, '0')
order by v.omrade_kod, v.ar
