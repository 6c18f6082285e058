-- The funding sources with their terms.
-- Grain: one row per finansieringskälla. Parameters: none.
select
    finansiering_kod,
    namn,
    namn_en,
    kortnamn,
    kortnamn_en,
    givare,
    engangs,
    aterrapportering,
    aterrapporteras_till,
    beskrivning,
    farg,
    kalla
from finansieringskallor
order by ordning
