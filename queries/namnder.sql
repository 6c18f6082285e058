-- Nämnder and recipient lines, in the order of the city's lists.
-- Grain: one row per nämnd. Parameters: none.
select
    namnd_kod,
    namn,
    kortnamn,
    overordnad_kod,
    ordning
from namnder
order by ordning
