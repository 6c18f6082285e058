-- Every follow-up of every insats with its effect judgement (null where none was made), for the stop
-- candidates' latest judgement per insats.
-- Grain: one row per uppföljning, by insats_id, then newest first. Parameters: none.
select
    u.uppfoljning_id,
    u.insats_id,
    u.datum,
    u.vem,
    u.effekt,
    u.underlag,
    u.kalla
from uppfoljningar as u
order by u.insats_id asc, u.datum desc, u.uppfoljning_id desc
