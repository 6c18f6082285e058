-- Source documents and other sources; every row in the store names one of these.
-- Grain: one row per source.
create table kallor as
select
    kalla_id,
    typ,
    try_cast(nullif(datum, '') as date) as datum,
    nullif(organ, '') as organ,
    nullif(arende, '') as arende,
    titel,
    _rad as seed_rad
from raw_kallor
