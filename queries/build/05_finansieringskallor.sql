-- Funding sources: who gives the money, whether it is one-off and must be reported back.
-- Grain: one row per finansieringskälla.
create table finansieringskallor as
select
    finansiering_kod,
    namn,
    namn_en,
    kortnamn,
    kortnamn_en,
    givare,
    try_cast(engangs as boolean) as engangs,
    try_cast(aterrapportering as boolean) as aterrapportering,
    nullif(aterrapporteras_till, '') as aterrapporteras_till,
    try_cast(ordning as integer) as ordning,
    farg,
    kalla,
    beskrivning,
    _rad as seed_rad
from raw_finansieringskallor
