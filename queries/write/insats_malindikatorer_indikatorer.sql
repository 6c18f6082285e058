-- The indicators an editor may name as an insats's target indicators, with their fokusområde (null
-- for a context indicator such as population, which cannot be chosen) and Swedish name.
-- Grain: one row per indikator. Parameters: none.
select
    indikator_kod,
    fokus_kod,
    namn_sv
from indikatorer
order by ordning, indikator_kod
