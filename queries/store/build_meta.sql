-- The seed hash and time of the newest build.
-- Grain: one row. Parameters: none.
select
    seed_hash,
    built_at
from build_meta
order by built_at desc
limit 1
