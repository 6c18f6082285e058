-- The id for a new insats: INS- and the next number after the highest in use.
-- Grain: one row. Parameters: none.
select
    printf(
        'INS-%03d',
        coalesce(max(try_cast(regexp_extract(insats_id, '^INS-([0-9]+)$', 1) as integer)), 0) + 1
    ) as insats_id
from insatser
