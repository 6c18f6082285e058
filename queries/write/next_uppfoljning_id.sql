-- The id for a new follow-up: UPP- and the next number after the highest in use.
-- Grain: one row. Parameters: none.
select
    printf(
        'UPP-%04d',
        coalesce(max(try_cast(regexp_extract(uppfoljning_id, '^UPP-([0-9]+)$', 1) as integer)), 0) + 1
    ) as uppfoljning_id
from uppfoljningar
