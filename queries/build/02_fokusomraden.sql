-- The five focus areas of the national strategy against segregation, in fixed order and colour.
-- Grain: one row per fokusområde.
create table fokusomraden as
select
    fokus_kod,
    namn_sv,
    namn_en,
    try_cast(ordning as integer) as ordning,
    farg,
    kalla,
    _rad as seed_rad
from raw_fokusomraden
