-- Indicator values per område and year (område 0 is the whole city).
-- Grain: one row per indikator, område and år.
create table indikatorvarden as
select
    indikator_kod,
    omrade_kod,
    try_cast(ar as integer) as ar,
    try_cast(varde as double) as varde,
    kalla,
    _rad as seed_rad
from raw_indikatorvarden
