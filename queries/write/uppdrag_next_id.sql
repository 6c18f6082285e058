-- The id for a new uppdrag given in year $givet_ar: U-<year>- and the next number after the highest in
-- use for that year (the seeds' ids, such as U-2024-KS-OMRADEN, have no number and are not counted).
-- Grain: one row. Parameters: $givet_ar (integer).
select
    printf(
        'U-%d-%03d',
        cast($givet_ar as integer),
        coalesce(
            max(
                try_cast(
                    regexp_extract(uppdrag_id, '^U-' || cast($givet_ar as integer) || '-([0-9]+)$', 1) as integer
                )
            ),
            0
        ) + 1
    ) as uppdrag_id
from uppdrag
