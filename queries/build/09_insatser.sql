-- Insatser: lead nämnd, money, period, lifecycle status, type and target group.
-- Grain: one row per insats. `tilldelning_id` is null for insatser not yet granted; `version` counts
-- the row's saved edits (from 1), so that an edit based on an older version is refused, not applied.
create table insatser as
select
    insats_id,
    namn,
    beskrivning,
    namnd_kod,
    nullif(finansiering_kod, '') as finansiering_kod,
    nullif(tilldelning_id, '') as tilldelning_id,
    try_cast(belopp_kr as bigint) as belopp_kr,
    try_cast(nullif(startdatum, '') as date) as startdatum,
    try_cast(nullif(slutdatum, '') as date) as slutdatum,
    status,
    typ,
    malgrupp,
    try_cast(hela_staden as boolean) as hela_staden,
    kalla,
    cast(1 as integer) as version,
    _rad as seed_rad
from raw_insatser
