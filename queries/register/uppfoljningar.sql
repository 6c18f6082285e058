-- The follow-ups of one insats, newest first.
-- Grain: one row per uppföljning. Parameters: $insats_id.
select
    uppfoljning_id,
    datum,
    vem,
    vad,
    rackvidd,
    effekt,
    underlag,
    kalla
from uppfoljningar
where insats_id = $insats_id
order by datum desc, uppfoljning_id desc
