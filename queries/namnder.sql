-- Nämnder and recipient lines, in the order of the city's lists, with their English names.
-- Grain: one row per nämnd. Parameters: none.
select
    namnd_kod,
    namn,
    kortnamn,
    namn_en,
    kortnamn_en,
    overordnad_kod,
    ordning
from namnder
order by ordning
