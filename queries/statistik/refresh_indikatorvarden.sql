-- The stored values of the indicators a refresh fetches, to compare with the official ones.
-- Grain: one row per indikator, område and år. Parameters: $indikatorer (list of indikator_kod).
select
    indikator_kod,
    omrade_kod,
    ar,
    varde,
    kalla
from indikatorvarden
where list_contains($indikatorer, indikator_kod)
order by indikator_kod, omrade_kod, ar
