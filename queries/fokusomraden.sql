-- The five fokusområden in their fixed order, with their colours.
-- Grain: one row per fokusområde. Parameters: none.
select
    fokus_kod,
    namn_sv,
    namn_en,
    farg,
    ordning
from fokusomraden
order by ordning
