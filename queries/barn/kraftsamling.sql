-- The kraftsamlande områden as the store holds them: each område's periods of kraftsamling with its name,
-- start, end (null while it lasts) and source, in area order.
-- Grain: one row per område and period. Parameters: none.
select
    k.omrade_kod,
    o.namn,
    k.startdatum,
    k.slutdatum,
    k.kalla
from kraftsamling as k
inner join omraden as o on k.omrade_kod = o.omrade_kod
order by o.ordning, k.startdatum
