-- The codes a write may refer to, for validation: nämnder, finansieringskällor, fokusområden, the 14
-- statistikområden, källor and tilldelningar (with the finansieringskälla each belongs to).
-- Grain: one row per kind and code. Parameters: none.
select
    'namnd' as slag,
    namnd_kod as kod,
    null as finansiering_kod
from namnder
union all
select
    'finansiering' as slag,
    finansiering_kod as kod,
    null as finansiering_kod
from finansieringskallor
union all
select
    'fokus' as slag,
    fokus_kod as kod,
    null as finansiering_kod
from fokusomraden
union all
select
    'omrade' as slag,
    omrade_kod as kod,
    null as finansiering_kod
from omraden
where niva = 'statistikomrade'
union all
select
    'kalla' as slag,
    kalla_id as kod,
    null as finansiering_kod
from kallor
union all
select
    'tilldelning' as slag,
    tilldelning_id as kod,
    finansiering_kod
from tilldelningar
