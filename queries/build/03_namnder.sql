-- Nämnder (and recipient lines such as a nämnd's shared function) that receive money or lead insatser.
-- Grain: one row per nämnd or recipient line. The English names (namn_en, kortnamn_en) are the project's
-- translations for English pages (the Swedish name where none is given); the Swedish names are the city's.
create table namnder as
select
    namnd_kod,
    namn,
    kortnamn,
    coalesce(nullif(namn_en, ''), namn) as namn_en,
    coalesce(nullif(kortnamn_en, ''), kortnamn) as kortnamn_en,
    nullif(overordnad_kod, '') as overordnad_kod,
    try_cast(ordning as integer) as ordning,
    kalla,
    _rad as seed_rad
from raw_namnder
