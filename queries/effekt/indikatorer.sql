-- The indicators with their fokusområde (null for context indicators) and direction, for the effect signal.
-- Grain: one row per indikator, in the indicators' order. Parameters: none.
select
    indikator_kod,
    namn_sv,
    namn_en,
    enhet,
    fokus_kod,
    hogre_ar_battre,
    ordning
from indikatorer
order by ordning, indikator_kod
