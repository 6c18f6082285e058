-- Periods during which an område has an områdesteam; open-ended when `slutdatum` is null.
-- Grain: one row per område and period.
create table omradesteam as
select
    omrade_kod,
    try_cast(startdatum as date) as startdatum,
    try_cast(nullif(slutdatum, '') as date) as slutdatum,
    kalla,
    _rad as seed_rad
from raw_omradesteam
