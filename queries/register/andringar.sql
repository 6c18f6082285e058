-- Every change made in the app to one insats and its follow-ups, newest first: who, when (UTC), what
-- was done, which field, old and new value as text.
-- Grain: one row per changed field. Parameters: $insats_id.
select
    a.audit_id,
    a.tid,
    a.anvandare,
    a.handling,
    a.tabell,
    a.rad_id,
    a.falt,
    a.gammalt_varde,
    a.nytt_varde,
    a.kommentar
from audit as a
where
    (a.tabell = 'insatser' and a.rad_id = $insats_id)
    or (
        a.tabell = 'uppfoljningar'
        and a.rad_id in (
            select u.uppfoljning_id
            from uppfoljningar as u
            where u.insats_id = $insats_id
        )
    )
order by a.tid desc, a.audit_id desc
