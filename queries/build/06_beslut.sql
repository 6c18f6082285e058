-- Decisions and proposals in the chain 2018-2024, with their stage (förslag or beslut) and organ.
-- Grain: one row per beslut or förslag. `datum` is null where the source gives only the year.
create table beslut as
select
    beslut_id,
    arende,
    organ,
    try_cast(nullif(datum, '') as date) as datum,
    try_cast(ar as integer) as ar,
    nullif(paragraf, '') as paragraf,
    stadium,
    handling,
    rubrik,
    nullif(planerat_organ, '') as planerat_organ,
    try_cast(nullif(planerat_datum, '') as date) as planerat_datum,
    kalla,
    try_cast(nullif(dokument_rad, '') as integer) as dokument_rad,
    nullif(anmarkning, '') as anmarkning,
    _rad as seed_rad
from raw_beslut
