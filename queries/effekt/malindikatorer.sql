-- The target indicators editors chose for insatser (they replace those of the fokusområden), with who chose them.
-- Grain: one row per insats and indikator. Parameters: none.
select
    insats_id,
    indikator_kod,
    kalla
from insats_malindikatorer
order by insats_id, indikator_kod
