-- Every omradesteam period as an import compares it (open-ended when slutdatum is null).
-- Grain: one row per område and period. Parameters: none.
select
    omrade_kod,
    startdatum,
    slutdatum,
    kalla
from omradesteam
order by omrade_kod, startdatum
