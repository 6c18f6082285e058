-- Follow-ups of insatser: when, who, what was done, its reach, an effect judgement and its basis.
-- Grain: one row per uppföljning. `rackvidd` (e.g. participants) is null where nothing was counted;
-- `kalla` is exempeldata or, for follow-ups added in the app, the user who added it.
create table uppfoljningar as
select
    uppfoljning_id,
    insats_id,
    try_cast(datum as date) as datum,
    vem,
    vad,
    try_cast(nullif(rackvidd, '') as integer) as rackvidd,
    effekt,
    nullif(underlag, '') as underlag,
    kalla,
    _rad as seed_rad
from raw_uppfoljningar
