-- Nämnder (and recipient lines such as a nämnd's shared function) that receive money or lead insatser.
-- Grain: one row per nämnd or recipient line.
create table namnder as
select
    namnd_kod,
    namn,
    kortnamn,
    nullif(overordnad_kod, '') as overordnad_kod,
    try_cast(ordning as integer) as ordning,
    kalla,
    _rad as seed_rad
from raw_namnder
