-- Every indicator value as an import compares it.
-- Grain: one row per indikator, område and år. Parameters: none.
select
    indikator_kod,
    omrade_kod,
    ar,
    varde,
    kalla
from indikatorvarden
