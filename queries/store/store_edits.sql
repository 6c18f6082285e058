-- How many changes were made in the app since the build (rows in the audit log), and the newest.
-- Grain: one row. Parameters: none. A store with changes is never rebuilt from the seeds silently.
select
    count(*) as n_andringar,
    max(tid) as senaste
from audit
