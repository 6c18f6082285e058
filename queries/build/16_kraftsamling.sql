-- Periods during which an område is chosen for kraftsamlande insatser.
-- Grain: one row per område and period.
create table kraftsamling as
select
    omrade_kod,
    try_cast(startdatum as date) as startdatum,
    try_cast(nullif(slutdatum, '') as date) as slutdatum,
    kalla,
    _rad as seed_rad
from raw_kraftsamling
