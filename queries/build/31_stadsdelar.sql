-- The stadsdel (the 10 of 1996-2013) and stadsområde (the 5 of 2013-) each delområde belonged to.
-- The project's own compilation (source `projektet_stadsdelar`): the stadsdel per delområde from a public list
-- said to be read off Malmö stad's maps, compared with the structure of the 5-digit delområde codes (the first
-- three digits group neighbours) and, where they disagree, with a second public derivation from the city's
-- stadsdelar layer; rows still in doubt say `sakerhet` = 'osäker' and why in `anmarkning`. The stadsområde
-- follows from the stadsdel (Norr: Centrum, Kirseberg; Innerstaden: Södra and Västra Innerstaden; Väster:
-- Limhamn-Bunkeflo, Hyllie; Söder: Fosie, Oxie; Öster: Rosengård, Husie). To be checked against the city's layer.
-- Grain: one row per delområde.
create table stadsdelar as
select
    delomrade_kod,
    stadsdel,
    stadsomrade,
    sakerhet,
    nullif(anmarkning, '') as anmarkning,
    kalla,
    _rad as seed_rad
from raw_stadsdelar
