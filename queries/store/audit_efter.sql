-- The changes logged after a given audit row, one row per user, action, table and row (with how many
-- fields and the newest time), newest first: what a restore of a snapshot taken then would undo.
-- Account changes are left out (a restore keeps the accounts).
-- Grain: one row per user, action, table and row. Parameters: $audit_id.
select
    max(tid) as tid,
    anvandare,
    handling,
    tabell,
    rad_id,
    count(*) as falt
from audit
where audit_id > $audit_id and tabell <> 'anvandare'
group by anvandare, handling, tabell, rad_id
order by max(tid) desc, tabell asc, rad_id asc
