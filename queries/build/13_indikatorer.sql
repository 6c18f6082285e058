-- Area indicators: name, unit, fokusområde (null for context such as population), direction, source.
-- Grain: one row per indikator.
create table indikatorer as
select
    indikator_kod,
    namn_sv,
    namn_en,
    enhet,
    nullif(fokus_kod, '') as fokus_kod,
    try_cast(nullif(hogre_ar_battre, '') as boolean) as hogre_ar_battre,
    try_cast(ordning as integer) as ordning,
    kalla,
    _rad as seed_rad
from raw_indikatorer
