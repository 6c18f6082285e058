-- The years that have allocations or insatser, for the year filter.
-- Grain: one row per year. Parameters: none.
select distinct ar
from (
    select ar from tilldelningar
    union all
    select ar from v_insatser
) as years
where ar is not null
order by ar
