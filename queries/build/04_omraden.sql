-- Geographic divisions: the city, the 14 geografiska statistikområden and the 136 delområden.
-- Grain: one row per område; `niva` says which division, `overordnad_kod` the containing område.
create table omraden as
select
    omrade_kod,
    namn,
    niva,
    nullif(overordnad_kod, '') as overordnad_kod,
    try_cast(ordning as integer) as ordning,
    kalla,
    _rad as seed_rad
from raw_omraden
